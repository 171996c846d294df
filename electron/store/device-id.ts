/** This copy's device id, in `device.json`: it names the copy in change records, and is made once per data folder. */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

const deviceSchema = z.object({ deviceId: z.uuid() });

export async function loadDeviceId(dataDir: string): Promise<string> {
  const path = join(dataDir, 'device.json');
  try {
    return deviceSchema.parse(JSON.parse(await readFile(path, 'utf8'))).deviceId;
  } catch {
    const deviceId = randomUUID();
    await writeFileAtomic(path, JSON.stringify({ deviceId }));
    return deviceId;
  }
}
