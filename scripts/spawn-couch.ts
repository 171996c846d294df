/** Starts scripts/couch-server.ts as a child process and waits for its address (bench, `npm run shop`, e2e). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SpawnedCouch {
  url: string;
  admin: { username: string; password: string };
  child: ChildProcess;
  close(): Promise<void>;
}

export function spawnCouch(port = 0): Promise<SpawnedCouch> {
  const script = fileURLToPath(new URL('./couch-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, `--port=${port}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', (code) => reject(new Error(`the CouchDB stand-in stopped (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = /^COUCH (.+)$/m.exec(output);
      if (!line) return;
      const { url, admin } = JSON.parse(line[1]!) as Pick<SpawnedCouch, 'url' | 'admin'>;
      resolve({
        url, admin, child,
        close: () => new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}
