/**
 * The crash loop of `npm run torture` (issue 13): a child process running the
 * real backend (crash-child.ts) is killed with SIGKILL at a random moment, again
 * and again, on the same folder, while a second copy in this process syncs with
 * it through a team folder. After each kill the folder is opened as the app
 * opens it: it must open ready (no recovery screen: nothing here damages it)
 * and hold every change the child acknowledged, in this run so far. At the end
 * the second copy must have received every acknowledged member.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { Member } from '../../../shared/model/member';
import { Workspace } from '../../store/workspace';
import type { Store } from '../../store/store';
import { enrol } from '../roster';
import { call, createProducer, createProduct, openApp, type TestApp } from '../service-calls';
import { parseAck, type Ack, type ChildPlan } from './acks';
import type { Random } from './random';

/** Wednesday 4 March 2026, 10:00 Brussels: ordering for Friday's distribution is open all day. */
const ORDERING_OPEN = new Date('2026-03-04T09:00:00.000Z').getTime();
/** How long the child may take to load and open before it is said to hang (a loaded machine is slow). */
const START_TIMEOUT_MS = 120_000;

export interface CrashFigures {
  kills: number;
  /** Distinct changes acknowledged by the children, of every kind. */
  acked: number;
  /** Acknowledged changes looked up after a kill (each one after every later kill too). */
  ackedChecked: number;
  restores: number;
  syncs: number;
  folds: number;
  failures: string[];
}

interface Relay {
  root: string;
  organiserDir: string;
  peer: TestApp;
  plan: Omit<ChildPlan, 'seed' | 'startMs'>;
}

async function setUp(): Promise<Relay> {
  const root = await mkdtemp(join(tmpdir(), 'cabas-torture-'));
  const [organiserDir, peerDir, teamFolder] = ['organiser', 'peer', 'team'].map((name) => join(root, name)) as [string, string, string];
  for (const dir of [organiserDir, peerDir, teamFolder]) await mkdir(dir);
  const organiser = await openApp(organiserDir, new Date(ORDERING_OPEN));
  const peer = await openApp(peerDir, new Date(ORDERING_OPEN));
  for (const app of [organiser, peer]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder });
  const farm = await createProducer(organiser, 'Ferme du Bois');
  const products = [await createProduct(organiser, farm.id, { name: 'Carottes' }), await createProduct(organiser, farm.id, { name: 'Poireaux', priceCents: 320 })];
  const distribution = await call<DistributionView>(organiser, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
  for (const product of products) await call(organiser, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: null });
  const members: Member[] = [];
  for (const name of ['Alice Martin', 'Bruno Leroy']) members.push(await call<Member>(organiser, 'members.create', { name }));
  await enrol(organiser, [peer]);
  await organiser.close();
  return {
    root,
    organiserDir,
    peer,
    plan: { dataDir: organiserDir, distributionId: distribution.id, productIds: products.map((p) => p.id), memberIds: members.map((m) => m.id) },
  };
}

/** Whether the reopened store holds what `ack` acknowledged; null when it does, else what is missing. */
function missing(store: Store, ack: Ack): string | null {
  switch (ack.kind) {
    case 'member':
      return store.get('member', ack.id)?.name === ack.name ? null : `member ${ack.name}`;
    case 'line':
      return store.get('order', ack.orderId)?.lines.some((line) => line.productId === ack.productId && line.quantity === ack.quantity) ? null : `order line ${ack.orderId} ×${ack.quantity}`;
    case 'import':
      return store.all('producer').some((p) => p.name === ack.producer) && store.all('product').some((p) => p.name === ack.product) ? null : `imported ${ack.product}`;
    case 'payment':
      return store.get('accountEntry', ack.id)?.amountCents === ack.amountCents ? null : `payment ${ack.id}`;
    case 'sync': {
      const lost = ack.producerIds.filter((id) => !store.get('producer', id));
      return lost.length === 0 ? null : `producers merged from the second copy: ${lost.join(', ')}`;
    }
    default:
      return null;
  }
}

const CHECKED = new Set<Ack['kind']>(['member', 'line', 'import', 'payment', 'sync']);

/**
 * The child, bundled once into one file beside node_modules (its packages stay outside):
 * loading it through tsx compiles every backend module again in each of the children,
 * seconds each on a busy machine, where one bundle loads in a fraction of that.
 */
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = fileURLToPath(new URL('../../../node_modules/.cache/cabas-torture/crash-child.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(new URL('./crash-child.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'error' });
  return outfile;
}

/** Runs the child until the kill; returns the acknowledgements that reached this process, and how it ended. */
async function killedRun(childFile: string, plan: ChildPlan, random: Random, maxKillDelayMs: number): Promise<{ acks: Ack[]; problem: string | null }> {
  const child = spawn(process.execPath, [childFile, JSON.stringify(plan)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2_000)));
  let killed = false;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ack = parseAck(line);
      if (!ack) return;
      if (ack.kind === 'ready') {
        clearTimeout(timer);
        resolve(true);
      } else acks.push(ack);
    });
    void exited.then(() => resolve(false));
  });
  if (await ready) {
    // Anywhere from the first write to well into the loop: some kills land mid-restore, mid-sync, mid-fold.
    await new Promise((resolve) => setTimeout(resolve, random.int(0, maxKillDelayMs)));
    killed = child.exitCode === null && child.kill('SIGKILL');
  } else child.kill('SIGKILL');
  await exited;
  // Lines already in the pipe when it died are acknowledgements the screen may have shown.
  await new Promise((resolve) => setImmediate(resolve));
  return { acks, problem: killed ? null : `the child stopped on its own (exit ${String(child.exitCode)}): ${stderr.trim() || 'no output'}` };
}

export async function crashLoop(options: { iterations: number; random: Random; maxKillDelayMs?: number; log?: (line: string) => void }): Promise<CrashFigures> {
  const { iterations, random, maxKillDelayMs = 3_000, log = () => undefined } = options;
  const figures: CrashFigures = { kills: 0, acked: 0, ackedChecked: 0, restores: 0, syncs: 0, folds: 0, failures: [] };
  const relay = await setUp();
  const childFile = await bundleChild();
  const acked: Ack[] = [];
  // A change lost once is reported once, not again after every later kill.
  const reported = new Set<Ack>();
  try {
    for (let i = 0; i < iterations; i += 1) {
      const startMs = ORDERING_OPEN + (i + 1) * 120_000;
      // The second copy writes too, so each sync round of the child has something to take in.
      relay.peer.clock.set(new Date(startMs));
      await createProducer(relay.peer, `Pair ${i}`);
      await call(relay.peer, 'sync.now', {});

      const run = await killedRun(childFile, { ...relay.plan, seed: random.int(1, 2 ** 31), startMs }, random, maxKillDelayMs);
      if (run.problem) figures.failures.push(`iteration ${i}: ${run.problem}`);
      else figures.kills += 1;
      acked.push(...run.acks);
      for (const ack of run.acks) {
        if (ack.kind === 'restore') figures.restores += 1;
        if (ack.kind === 'sync') figures.syncs += 1;
        if (ack.kind === 'fold') figures.folds += 1;
      }

      const workspace = await Workspace.open({ dataDir: relay.organiserDir, foldWhenIdleMs: false });
      if (workspace.inRecovery) {
        figures.failures.push(`iteration ${i}: the folder opened on the recovery screen: ${JSON.stringify(workspace.status())}`);
        break;
      }
      for (const ack of acked.filter((a) => CHECKED.has(a.kind))) {
        figures.ackedChecked += 1;
        const lost = missing(workspace.store, ack);
        if (lost && !reported.has(ack)) {
          reported.add(ack);
          figures.failures.push(`iteration ${i}: acknowledged, then lost: ${lost}`);
        }
      }
      // Closed as the app closes (folded): the next child finds either a folded folder or, on a kill, an unfolded journal.
      if (random.next() < 0.5) await workspace.close();
      log(`kill ${i + 1}/${iterations}: ${run.acks.length} acknowledged, ${acked.length} in all`);
    }
    figures.acked = acked.filter((a) => CHECKED.has(a.kind)).length;
    // Past every child's clock (each started 2 minutes after the one before and ran a few seconds):
    // a copy whose stamps are ahead of the reader's clock waits, which is not what is checked here.
    if (figures.failures.length === 0) await converged(relay, acked, figures, new Date(ORDERING_OPEN + (iterations + 1) * 120_000 + 3_600_000));
  } finally {
    await relay.peer.close();
    await rm(relay.root, { recursive: true, force: true });
  }
  return figures;
}

/** Once the kills are over, one clean sync each way: the second copy has every member the organiser's copy acknowledged. */
async function converged(relay: Relay, acked: readonly Ack[], figures: CrashFigures, at: Date): Promise<void> {
  const organiser = await openApp(relay.organiserDir, at);
  try {
    await call(organiser, 'sync.now', {});
    relay.peer.clock.set(at);
    await call(relay.peer, 'sync.now', {});
    for (const ack of acked) {
      if (ack.kind === 'member' && relay.peer.workspace.store.get('member', ack.id)?.name !== ack.name) figures.failures.push(`the second copy never received member ${ack.name}`);
    }
  } finally {
    await organiser.close();
  }
}
