/**
 * The outbox at work (issue 15): right after the app has opened (never holding
 * up the open) and every minute, prepares the messages of distributions whose
 * ordering has closed (and the reminders the relay asks for), writes their
 * `.eml` files, and — on the organiser's copy that sends (sending-copy.ts),
 * when it has an SMTP server set — sends what is due.
 *
 * Never twice: before a message is handed to the server its attempt is written
 * twice over, in the store (status `sending`) and in an attempts log outside
 * the data files (not restored from a backup). A message found `sending` at
 * open, or behind the log, may have gone: it becomes `unknown` and waits for
 * the organiser. Only one sweep runs at a time.
 */
import { rm, stat } from 'node:fs/promises';
import { UserError } from '../../shared/contract/errors';
import { join } from 'node:path';
import type { OutboxMessage } from '../../shared/model/outbox';
import type { OutboxConnection as Connection } from '../../shared/outbox/views';
import { behindLog, claimed, failed, isDue, recovered, sent, unknownOutcome } from '../../shared/outbox/state';
import { AppendOnlyFile, openLines } from '../store/append-only';
import type { Store } from '../store/store';
import { readRelay } from '../services/relay';
import { buildEml, type Sender } from './eml';
import { emlFileName, messagesFolder, writeEmlFiles } from './files';
import { isSendingSet, readMailSettings, type StoredMailSettings } from './mail-settings';
import { closingDue, outboxOf, prepareClosing, prepareReminders, remindersDue } from './prepare';
import { sendsHere, takeIfFree, takeOver, waitingFromBefore } from './sending-copy';
import { isPermanent, reasonOf, smtpTransport, type TransportFactory } from './transport';

export const ATTEMPTS_LOG = 'outbox-attempts.jsonl';
const SWEEP_MS = 60_000;
/** The first copy to send sends everything it prepared: no copy sent any of it before. */
const EPOCH = new Date(0);


export interface OutboxOptions {
  dataDir: string;
  store: () => Store | null;
  now: () => Date;
  /** Whether this copy prepares and sends at all: a producer's copy holds no orders. */
  active: () => boolean;
  log?: (error: unknown) => void;
  transport?: TransportFactory;
  /** The text a message leaves with (a member's link filled in, issue 16); null = this copy cannot write it, it waits. */
  fill?: (message: OutboxMessage) => Promise<string | null>;
}

interface LoggedAttempt {
  id: string;
  attempt: number;
}

export class Outbox {
  private running: Promise<void> | null = null;
  /** Messages whose `.eml` is known to be on disk, so a sweep every minute does not look again. */
  private readonly filed = new Set<string>();
  /** Withdrawn messages whose `.eml` is known to be gone. */
  private readonly unfiled = new Set<string>();
  private connection: Connection = { state: 'notSet' };

  private constructor(
    private readonly options: OutboxOptions,
    private readonly attemptsLog: AppendOnlyFile,
    private readonly logged: Map<string, number>,
    private timer: NodeJS.Timeout | null = null,
  ) {}

  static async open(options: OutboxOptions): Promise<Outbox> {
    const path = join(options.dataDir, ATTEMPTS_LOG);
    const lines = await openLines<LoggedAttempt>(path, (value) => {
      const line = value as Partial<LoggedAttempt> | null;
      return typeof line?.id === 'string' && typeof line.attempt === 'number' ? { id: line.id, attempt: line.attempt } : undefined;
    });
    const logged = new Map<string, number>();
    for (const line of lines) logged.set(line.id, Math.max(line.attempt, logged.get(line.id) ?? 0));
    const outbox = new Outbox(options, new AppendOnlyFile(path), logged);
    const log = options.log ?? console.error;
    // An outbox that cannot write must not keep the app from opening: the next sweep tries again.
    await outbox.recover().catch(log);
    // The first round runs after the app has opened, not before: writing the `.eml` files and asking a mail
    // server that may never answer (offline, a connection timeout) must not keep the organiser waiting.
    void outbox.sweep().catch(log);
    outbox.timer = setInterval(() => void outbox.sweep().catch(log), SWEEP_MS);
    outbox.timer.unref?.();
    return outbox;
  }

  status(): Connection {
    return this.connection;
  }

  /** Whether a round is under way (preparing, writing the files, sending): the screen says so. */
  working(): boolean {
    return this.running !== null;
  }

  /** After this copy gets a mail server: it sends the e-mails, unless another copy already does (sending-copy.ts). */
  async offerToSend(): Promise<void> {
    const store = this.options.store();
    // A producer's copy sends nothing; a copy in recovery takes it at a later round.
    if (store === null || !this.options.active()) return;
    await takeIfFree(store, EPOCH);
  }

  /** The organiser moves the sending to this copy, for what it prepares from now on. */
  async sendFromHere(): Promise<void> {
    const store = this.options.store();
    if (store === null) throw new UserError('error.recoveryMode');
    if (!this.options.active()) throw new UserError('error.producerCopy');
    await takeOver(store, this.options.now());
    this.kick();
  }

  /**
   * The organiser also sends from here what this copy prepared before it became the sending copy
   * (sending-copy.ts): touched now, they count as this copy's to send, and go at once.
   */
  async sendWaitingHere(): Promise<number> {
    const store = this.options.store();
    if (store === null) throw new UserError('error.recoveryMode');
    if (!this.options.active()) throw new UserError('error.producerCopy');
    const at = this.options.now();
    const count = await store.transact((tx) => {
      const waiting = waitingFromBefore(tx, store.deviceId, at);
      for (const message of waiting) tx.put('outboxMessage', { ...message, updatedAt: at.toISOString() });
      return waiting.length;
    });
    this.kick();
    return count;
  }

  /** Resolves once no round is under way (the one at open, or one a change asked for): tests wait for it, never sleep. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the minute's sweep (tests sweep when they say so). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async close(): Promise<void> {
    this.stop();
    // A round under way finishes its attempt (and writes its outcome) before the log closes.
    await this.running;
    await this.attemptsLog.close();
  }

  /** Attempts under way when the app stopped, or that the log knows of and the data do not: outcome unknown. */
  async recover(): Promise<void> {
    const store = this.options.store();
    if (store === null) return;
    const now = this.options.now();
    const lost = store.all('outboxMessage').filter((message) => message.status === 'sending' || (this.isBehind(message) && (message.status === 'prepared' || message.status === 'failed')));
    if (lost.length === 0) return;
    await store.transact((tx) => {
      for (const message of lost) tx.put('outboxMessage', message.status === 'sending' ? recovered(message, now) : unknownOutcome(message, now));
    });
  }

  /** One round: prepare, write the files, send what is due. A round asked while one runs waits for it and runs after. */
  sweep(): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const run = previous.then(() => this.round());
    // The chain never rejects: the caller of this round gets its error, the next round runs anyway.
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.running = settled;
    void settled.then(() => {
      if (this.running === settled) this.running = null;
    });
    return run;
  }

  /** A round soon, after a change that prepared messages (closing early), unless the sweeps are stopped (tests sweep when they say). */
  kick(): void {
    if (this.timer !== null) void this.sweep().catch(this.options.log ?? console.error);
  }

  private async round(): Promise<void> {
    const store = this.options.store();
    if (store === null || !this.options.active()) return;
    await this.prepare(store);
    const settings = await readMailSettings(this.options.dataDir);
    await this.writeMissingFiles(store, settings);
    await this.sendDue(store, settings);
  }

  private async prepare(store: Store): Promise<void> {
    const now = this.options.now();
    const hours = readRelay(store).reminderHours;
    // Nothing to prepare: no transaction at all, so an idle app writes nothing every minute.
    if (closingDue(store, now).length === 0 && remindersDue(store, hours, now).length === 0) return;
    await store.transact(async (tx) => {
      for (const distribution of closingDue(tx, now)) await prepareClosing(tx, distribution, store.deviceId, now);
      prepareReminders(tx, hours, now);
    });
  }

  /** The `.eml` of every message still to send that has none yet (prepared here, or by closing ordering early). */
  private async writeMissingFiles(store: Store, settings: StoredMailSettings): Promise<void> {
    const waiting: OutboxMessage[] = [];
    for (const message of store.all('outboxMessage')) {
      if (message.status === 'withdrawn' && !this.unfiled.has(message.id)) await this.unfile(store, message);
      if (message.status !== 'prepared' || this.filed.has(message.id)) continue;
      const distribution = store.get('distribution', message.distributionId);
      // Written by an earlier run: left as it is (building it again would only change its MIME boundaries).
      if (distribution && (await exists(join(messagesFolder(this.options.dataDir, distribution.pickupDate), emlFileName(message))))) this.filed.add(message.id);
      else waiting.push(message);
    }
    if (waiting.length === 0) return;
    const sender = senderOf(store, settings);
    const byDistribution = new Map<string, OutboxMessage[]>();
    for (const message of waiting) byDistribution.set(message.distributionId, [...(byDistribution.get(message.distributionId) ?? []), message]);
    for (const [distributionId, messages] of byDistribution) {
      const distribution = store.get('distribution', distributionId);
      if (!distribution) continue;
      const ready = await this.filled(messages);
      await writeEmlFiles(this.options.dataDir, distribution.pickupDate, ready, sender);
      for (const message of ready) this.filed.add(message.id);
    }
  }

  /** A withdrawn message's `.eml` leaves the folder: nobody sends it from a mail program by mistake. */
  private async unfile(store: Store, message: OutboxMessage): Promise<void> {
    const distribution = store.get('distribution', message.distributionId);
    if (distribution) await rm(join(messagesFolder(this.options.dataDir, distribution.pickupDate), emlFileName(message)), { force: true });
    this.unfiled.add(message.id);
  }

  /** Every `.eml` of one distribution, written again now (the screen's export). */
  async exportFiles(distributionId: string): Promise<string[]> {
    const store = this.options.store();
    const distribution = store?.get('distribution', distributionId);
    if (!store || !distribution) return [];
    const messages = await this.filled(outboxOf(store, distributionId).filter((message) => message.status !== 'discarded' && message.status !== 'withdrawn'));
    return writeEmlFiles(this.options.dataDir, distribution.pickupDate, messages, senderOf(store, await readMailSettings(this.options.dataDir)));
  }

  /** The messages as they leave, those this copy cannot write left out. */
  private async filled(messages: readonly OutboxMessage[]): Promise<OutboxMessage[]> {
    const { fill } = this.options;
    if (!fill) return [...messages];
    const texts = await Promise.all(messages.map(fill));
    return messages.flatMap((message, index) => (texts[index] === null ? [] : [{ ...message, text: texts[index]! }]));
  }

  private isBehind(message: OutboxMessage): boolean {
    return behindLog(message, this.logged.get(message.id) ?? 0);
  }

  private async sendDue(store: Store, settings: StoredMailSettings): Promise<void> {
    if (!isSendingSet(settings)) {
      this.connection = { state: 'notSet' };
      return;
    }
    const now = this.options.now();
    const due = store.all('outboxMessage').filter((message) => isDue(message, now));
    if (due.length === 0) return;
    // One copy sends (sending-copy.ts): a copy whose mail server was set before that was asked takes it now, if it is free.
    if ((await takeIfFree(store, EPOCH)) !== 'here') {
      this.connection = { state: 'otherCopy' };
      return;
    }
    const mine = due.filter((message) => sendsHere(store, message));
    if (mine.length === 0) return;
    const transport = (this.options.transport ?? smtpTransport)(settings);
    try {
      try {
        await transport.verify();
      } catch (error) {
        // Offline, or the server is down: nothing is claimed, everything waits for the next round.
        this.connection = { state: 'offline', at: this.options.now().toISOString(), reason: reasonOf(error) };
        return;
      }
      this.connection = { state: 'online', at: this.options.now().toISOString() };
      const sender = senderOf(store, settings);
      for (const message of mine) await this.sendOne(store, message.id, sender, transport);
    } finally {
      transport.close();
    }
  }

  private async sendOne(store: Store, id: string, sender: Sender, transport: ReturnType<TransportFactory>): Promise<void> {
    // Read again: the organiser may have discarded it while the round ran.
    const current = store.get('outboxMessage', id);
    if (!current || !isDue(current, this.options.now())) return;
    const [outgoing] = await this.filled([current]);
    if (!outgoing) return;
    if (this.isBehind(current)) {
      await store.transact((tx) => void tx.put('outboxMessage', unknownOutcome(current, this.options.now())));
      return;
    }
    const attempt = claimed(current, this.options.now());
    // The attempt is on disk, in the data and in the log, before the server hears of the message.
    await store.transact((tx) => void tx.put('outboxMessage', attempt));
    await this.attemptsLog.append([{ id, attempt: attempt.attempts }]);
    this.logged.set(id, attempt.attempts);
    let outcome: OutboxMessage;
    try {
      const raw = await buildEml({ ...attempt, text: outgoing.text }, sender, { draft: false });
      await transport.send({ from: sender.address, to: [attempt.toEmail] }, raw);
      outcome = sent(attempt, this.options.now());
    } catch (error) {
      outcome = failed(attempt, reasonOf(error), isPermanent(error), this.options.now());
    }
    await store.transact((tx) => void tx.put('outboxMessage', outcome));
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function senderOf(store: Store, settings: StoredMailSettings): Sender {
  return { name: readRelay(store).name, address: settings.fromAddress };
}
