/**
 * Starts the real browser host (electron/host/cli.ts) as a child process on
 * a data folder, the way `npm run host` does, and reads the URL and token it
 * prints. Stopping and starting it again on the same folder proves that what
 * the UI showed was really on disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface HostInfo {
  url: string;
  openUrl: string;
  token: string;
}

export interface HostProcess extends HostInfo {
  stop(): Promise<void>;
  output(): string;
}

export function startHostProcess(dataDir: string): Promise<HostProcess> {
  // Any free port (tests run side by side, and the usual port may be a running Cabas), and no browser window.
  const child: ChildProcess = spawn(tsx, ['electron/host/cli.ts', `--data-dir=${dataDir}`, '--port=0', '--no-open'], {
    cwd: root,
    // The machine's own files (the CouchDB account) beside the test's data folder, never in the real machine folder.
    env: { ...process.env, CABAS_DATA_DIR: '', CABAS_MACHINE_DIR: `${dataDir}-machine` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    // Generous: tsx compiles the backend at launch, which takes most of a minute on a loaded 2-core machine.
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^CABAS_HOST (.+)$/m.exec(output);
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line[1]!) as HostInfo;
      resolve({
        ...info,
        output: () => output,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          // The host exits within about a second; a hung one must not hang the suite.
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}
