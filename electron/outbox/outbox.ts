/**
 * The outbox at work (issue 15): right after the app has opened (never holding
 * up the open), prepares the messages of distributions whose ordering has
 * closed (and the reminders the relay asks for), writes their `.eml` files,
 * and — on the organiser's copy that sends (sending-copy.ts), when it has an
 * SMTP server set — sends what is due. It works again when something falls
 * due, not every minute: at the next closing or reminder, at a failed
 * message's next try, every minute only while messages wait for a server that
 * did not answer, and at once on a change that may prepare or send messages (a
 * distribution, the relay's settings, a member: by hand or by sync). Idle, it
 * looks once a quarter of an hour (a laptop asleep counts no time on a timer,
 * and a restored backup is a new store).
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
import { behindLog, claimed, failed, isDue, MAX_ATTEMPTS, recovered, sent, unknownOutcome } from '../../shared/outbox/state';
import type { Distribution } from '../../shared/model/distribution';
import { freezeClosed } from '../services/frozen-rates';
import { AppendOnlyFile, openLines } from '../store/append-only';
import type { Store } from '../store/store';
import { readRelay } from '../services/relay';
import { buildEml, type Sender } from './eml';
import { emlFileName, messagesFolder, writeEmlFiles } from './files';
import { dismissDoubled, isSendingSet, readMailSettings, saveRoleLost, saveSendingClaim, type StoredMailSettings } from './mail-settings';
import { closingDue, closingMoment, nextPreparation, outboxOf, prepareClosing, prepareReminders, remindersDue } from './prepare';
import { roleConfirmed, sendsHere, sentAfterLoss, takeIfFree, takeOver, waitingFromBefore, type MailSender } from './sending-copy';
import { isPermanent, reasonOf, smtpTransport, type TransportFactory } from './transport';
import { realTimer, Wake, type Timer } from '../scheduling/wake';

export const ATTEMPTS_LOG = 'outbox-attempts.jsonl';
/** While messages wait for a mail server that did not answer. */
const RETRY_MS = 60_000;
/** Nothing due: a look now and then all the same. */
const IDLE_MS = 15 * 60_000;
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
  timer?: Timer;
  /** When this copy last finished a sync with its team folder (null: never); undefined: it has none, it is alone. */
  teamSyncedAt?: () => string | null | undefined;
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
  /** Closings looked at (`id@closing moment`): closed again with nothing new, a distribution is not looked at again each round. */
  private readonly checked = new Set<string>();
  /** The store those closings were looked at in: a restored backup is another, looked at afresh. */
  private checkedIn: Store | null = null;
  private stopped = false;
  private readonly wake: Wake;
  /** Due messages found the server unreachable: try again in a minute. */
  private waitingForServer = false;
  /** The earliest next try of a failed message (ms), or null. */
  private nextTry: number | null = null;
  /** This copy took the sending role and waits for a sync to confirm it: it looks again in a minute. */
  private awaitingRole = false;

  private constructor(
    private readonly options: OutboxOptions,
    private readonly attemptsLog: AppendOnlyFile,
    private readonly logged: Map<string, number>,
  ) {
    this.wake = new Wake(options.timer ?? realTimer, () => this.kick());
  }

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
    // Each round, when it ends, sets when the next one runs (schedule).
    void outbox.sweep().catch(log);
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
    await this.claimed((await takeIfFree(store, EPOCH)).claimed);
    this.kick();
  }

  /** Keeps, on this machine, when this copy wrote its claim to the role: a sync finished after it confirms it. */
  private async claimed(sender: MailSender | null): Promise<void> {
    if (sender) await saveSendingClaim(this.options.dataDir, { ...sender, at: this.options.now().toISOString() });
  }

  /** The organiser moves the sending to this copy, for what it prepares from now on. */
  async sendFromHere(): Promise<void> {
    const store = this.options.store();
    if (store === null) throw new UserError('error.recoveryMode');
    if (!this.options.active()) throw new UserError('error.producerCopy');
    await this.claimed(await takeOver(store, this.options.now()));
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

  /** Stops the rounds on their own (tests sweep when they say so). */
  stop(): void {
    this.stopped = true;
    this.wake.stop();
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
      if (this.running !== settled) return;
      this.running = null;
      this.schedule();
    });
    return run;
  }

  /** A round soon, after a change that prepared messages (closing early), unless the rounds are stopped (tests sweep when they say). */
  kick(): void {
    if (!this.stopped) void this.sweep().catch(this.options.log ?? console.error);
  }

  /** Sets when the next round runs: the next moment something falls due, a minute while the server is awaited, or idle. */
  private schedule(): void {
    if (this.stopped) return;
    const store = this.options.store();
    this.wake.watch(store);
    const now = this.options.now().getTime();
    let at = now + IDLE_MS;
    if (store !== null && this.options.active()) {
      const waiting = this.waitingForServer || this.awaitingRole;
      for (const moment of [nextPreparation(store, readRelay(store).reminderHours, this.options.now()), this.nextTry, waiting ? now + RETRY_MS : null]) {
        if (moment !== null) at = Math.min(at, moment);
      }
    }
    this.wake.in(at - now);
  }

  private async round(): Promise<void> {
    const store = this.options.store();
    if (store === null || !this.options.active()) return;
    await this.prepare(store);
    await this.noticeLoss(store);
    const settings = await readMailSettings(this.options.dataDir);
    await this.writeMissingFiles(store, settings);
    await this.sendDue(store, settings);
  }

  /**
   * The round after the sync that shows another copy holding the sending role this copy had claimed: what it
   * sent since that copy's claim is listed, perhaps sent twice (sending-copy.ts), and its claim is spent.
   */
  private async noticeLoss(store: Store): Promise<void> {
    await saveRoleLost(this.options.dataDir, (claim) => sentAfterLoss(store, claim));
  }

  /** The organiser has seen the messages perhaps sent twice. */
  async dismissDoubled(): Promise<void> {
    await dismissDoubled(this.options.dataDir);
  }

  private async prepare(store: Store): Promise<void> {
    const now = this.options.now();
    const hours = readRelay(store).reminderHours;
    if (this.checkedIn !== store) this.checked.clear();
    this.checkedIn = store;
    const unchecked = (distribution: Distribution) => !this.checked.has(`${distribution.id}@${closingMoment(distribution)}`);
    // Nothing to prepare: no transaction at all, so an idle app writes nothing.
    if (!closingDue(store, now).some(unchecked) && remindersDue(store, hours, now).length === 0) return;
    const looked = await store.transact(async (tx) => {
      // The rates are frozen before the messages say what to pay, whichever timer ran first (frozen-rates.ts).
      freezeClosed(tx, now);
      const due = closingDue(tx, now).filter(unchecked);
      for (const distribution of due) await prepareClosing(tx, distribution, store.deviceId, now);
      prepareReminders(tx, hours, now);
      return due;
    });
    // Closed again with nothing new to say, it writes nothing: remembered, so it is not composed again each round.
    for (const distribution of looked) this.checked.add(`${distribution.id}@${closingMoment(distribution)}`);
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
    const all = store.all('outboxMessage');
    const due = all.filter((message) => isDue(message, now));
    this.nextTry = earliestRetry(all);
    this.waitingForServer = false;
    this.awaitingRole = false;
    if (due.length === 0) return;
    // One copy sends (sending-copy.ts): a copy whose mail server was set before that was asked takes it now, if it is free.
    const taken = await takeIfFree(store, EPOCH);
    await this.claimed(taken.claimed);
    if (taken.copy !== 'here') {
      this.connection = { state: 'otherCopy' };
      return;
    }
    // Taken by this copy, perhaps by another offline at the same time: it sends once a sync has kept its claim.
    const claim = taken.claimed ? (await readMailSettings(this.options.dataDir)).claim : settings.claim;
    if (!roleConfirmed(readRelay(store).mailSender!, claim, this.options.teamSyncedAt?.())) {
      this.connection = { state: 'awaitingRole' };
      this.awaitingRole = true;
      return;
    }
    const mine = due.filter((message) => sendsHere(store, message));
    if (mine.length === 0) return;
    const transport = (this.options.transport ?? smtpTransport)(settings);
    try {
      try {
        await transport.verify();
      } catch (error) {
        // Offline, or the server is down: nothing is claimed, everything waits for the next round, in a minute.
        this.connection = { state: 'offline', at: this.options.now().toISOString(), reason: reasonOf(error) };
        this.waitingForServer = true;
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
    // Nor if a sync during the round gave the sending role to another copy: it stops at once.
    if (!current || !isDue(current, this.options.now()) || !sendsHere(store, current)) return;
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

/** When the first failed message still to retry by itself is due again. */
function earliestRetry(messages: readonly OutboxMessage[]): number | null {
  let earliest: number | null = null;
  for (const message of messages) {
    if (message.status !== 'failed' || message.nextTryAt === null || message.tries >= MAX_ATTEMPTS) continue;
    const at = Date.parse(message.nextTryAt);
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest;
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
