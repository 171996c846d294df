/**
 * The process `npm run torture` kills (crash-loop.ts starts it): the real backend
 * on a real folder, doing what the organiser's copy does all day — members and
 * their orders, catalogue imports, payments, folds of the write journal, sync
 * rounds with a second copy, backups restored — as fast as it can, and printing
 * an acknowledgement (acks.ts) after each call that came back ok, as the screen
 * would show it. It never stops on its own: the parent kills it with SIGKILL.
 */
import { openBackend } from '../../backend';
import type { Order } from '../../../shared/model/order';
import type { Member } from '../../../shared/model/member';
import type { AccountEntry } from '../../../shared/accounts/ledger';
import type { BackupInfo } from '../../../shared/contract/results';
import type { Ack, ChildPlan } from './acks';
import { seeded } from './random';

const plan = JSON.parse(process.argv[2] ?? 'null') as ChildPlan | null;
if (!plan) throw new Error('usage: crash-child.ts <plan as JSON>');
const random = seeded(plan.seed);
const started = Date.now();
const backend = await openBackend({ dataDir: plan.dataDir, foldWhenIdleMs: false, now: () => new Date(plan.startMs + Date.now() - started), log: () => undefined });
backend.syncer.stop();
backend.freezer.stop();
backend.placer.stop();

const ack = (value: Ack) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function call<T>(name: string, payload: unknown): Promise<T> {
  const outcome = await backend.dispatch(name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

const tag = () => `${plan.seed}-${random.int(0, 1e9).toString(36)}`;

const actions: [weight: number, run: () => Promise<void>][] = [
  [
    4,
    async () => {
      const name = `Membre ${tag()}`;
      const member = await call<Member>('members.create', { name });
      ack({ kind: 'member', id: member.id, name });
      const order = await call<Order>('orders.open', { distributionId: plan.distributionId, memberId: member.id });
      const productId = random.pick(plan.productIds);
      const quantity = random.int(1, 5);
      await call<Order>('orders.addLine', { orderId: order.id, productId, quantity });
      ack({ kind: 'line', orderId: order.id, productId, quantity });
    },
  ],
  [
    2,
    async () => {
      const t = tag();
      const producer = `Ferme ${t}`;
      const product = `Produit ${t}`;
      const csv = ['Producteur;Téléphone;Produit;Catégorie;Unité;PRIX TTC;TVA;Stock', `${producer};;${product};légumes;kg;2,50;6;`].join('\r\n');
      await call('catalogue.import', { contentBase64: Buffer.from(csv).toString('base64') });
      ack({ kind: 'import', producer, product });
    },
  ],
  [
    3,
    async () => {
      const amountCents = random.int(1, 10_000);
      const entry = await call<AccountEntry>('accounts.recordPayment', { memberId: random.pick(plan.memberIds), amountCents, method: 'cash' });
      ack({ kind: 'payment', id: entry.id, amountCents });
    },
  ],
  [
    2,
    async () => {
      await backend.workspace.store.fold();
      ack({ kind: 'fold' });
    },
  ],
  [
    2,
    async () => {
      await call('sync.now', {});
      const producerIds = backend.workspace.store
        .all('producer')
        .filter((producer) => producer.name.startsWith('Pair '))
        .map((producer) => producer.id);
      ack({ kind: 'sync', producerIds });
    },
  ],
  [
    1,
    async () => {
      const backup = await call<BackupInfo>('backups.create', {});
      await call('backups.restore', { id: backup.id });
      ack({ kind: 'restore', backupId: backup.id });
    },
  ],
];
const total = actions.reduce((sum, [weight]) => sum + weight, 0);

ack({ kind: 'ready' });
for (;;) {
  let roll = random.next() * total;
  const action = actions.find(([weight]) => (roll -= weight) < 0) ?? actions[0]!;
  await action[1]();
}
