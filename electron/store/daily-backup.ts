/**
 * The daily backup of a running store, in the background (issue 11: at five years it made the
 * first open of the day take 3.4 s instead of 60 ms, and the first change of the day wait for
 * it). Taken shortly after open and at the first change of a day, so also when the app stays
 * open past midnight. It holds the folds, never the changes: the journal is folded at one
 * instant (Folding.snapshot) and the files are copied as they were then, while changes go on
 * being journaled and acknowledged; they are in the next backup. A failure is kept for the
 * screens and tried again later; the changes are in the journal or the files either way.
 */
import { addDays, startOfDay } from 'date-fns';
import type { WriteHooks } from './atomic-write';
import { ensureDailyBackup } from './backups';
import type { Folding } from './folding';

/** A daily backup that failed: when it was tried (ISO) and the system's message. */
export interface BackupFailure {
  at: string;
  detail: string;
}

/** The app's daily backup starts this long after open: once the first screen is up (scripts/bench.ts measures both). */
export const BACKUP_AFTER_OPEN_MS = 5_000;

/** After a failed daily backup (a full or unplugged disk), the next try: soon enough to matter the same day. */
const BACKUP_RETRY_MS = 10 * 60 * 1000;

export interface DailyBackupContext {
  dataDir: string;
  now: () => Date;
  folding: Folding;
  hooks?: WriteHooks;
  /** Runs `work` once no other whole-folder work (a manual backup, a restore, close) is under way. */
  oneAtATime: <T>(work: () => Promise<T>) => Promise<T>;
}

export class DailyBackup {
  /** The local day of the last backup, as instants: [start, end). */
  private dayStart = 0;
  private dayEnd = 0;
  /** The backup under way, if any: a second call gets the same one. */
  private running: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** After a failure: not tried again before this instant (the store's clock). */
  private retryAt = 0;
  private failed: BackupFailure | undefined;
  /** Closing, or replaced by a restore: no backup starts any more. */
  private stopped = false;

  constructor(private readonly context: DailyBackupContext) {}

  /** Today's backup unless taken, under way (then that one) or failed a moment ago; resolves once it ended, never rejects. */
  ifNewDay(): Promise<void> {
    if (this.running) return this.running;
    const now = this.context.now();
    // Checked after every change: within the day of the last backup, the clock alone answers (no date formatting).
    if (now.getTime() >= this.dayStart && now.getTime() < this.dayEnd) return Promise.resolve();
    if (this.stopped || now.getTime() < this.retryAt) return Promise.resolve();
    const run = this.take(now);
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = undefined;
    });
    return run;
  }

  /** The backup, `ms` from now: after open, once the first screen is up; and again after a failure. */
  after(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.ifNewDay(), ms);
    // A backup still to come must not keep a process alive: the next open or change takes it.
    this.timer.unref?.();
  }

  /** The last backup failed (and no later one succeeded): when and why, for the backups screen. */
  get failure(): BackupFailure | undefined {
    return this.failed;
  }

  /** No backup starts any more; one under way ends (whoever closes waits for it through `oneAtATime`). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async take(now: Date): Promise<void> {
    const { dataDir, folding, hooks, oneAtATime } = this.context;
    try {
      const taken = await oneAtATime(() => {
        // A close or a restore got there first: the store is done with its folder.
        if (this.stopped) return Promise.resolve(false);
        return folding.holding(() => ensureDailyBackup(dataDir, now, (copy) => folding.snapshot(copy), { journal: false, hooks }));
      });
      if (taken) {
        this.dayStart = startOfDay(now).getTime();
        this.dayEnd = addDays(startOfDay(now), 1).getTime();
        this.failed = undefined;
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      console.error(`Cabas: the daily backup failed (${detail}); it will be tried again.`);
      this.failed = { at: now.toISOString(), detail };
      this.retryAt = now.getTime() + BACKUP_RETRY_MS;
      if (!this.stopped) this.after(BACKUP_RETRY_MS);
    } finally {
      // The changes journaled while the folds were held.
      if (!this.stopped) folding.soon();
    }
  }
}
