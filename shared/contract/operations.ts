/**
 * The one contract: every operation the UI can ask of the main process, with
 * its input schema and result type. The IPC handlers, the preload bridge, the
 * browser host and the renderer client are all derived from this table.
 */
import { z } from 'zod';
import { operation } from './define';
import { id } from '../model/fields';
import { archivedFilterSchema, producerDraftSchema, producerPatchSchema, type Producer } from '../model/producer';
import { relaySettingsPatchSchema, type RelaySettings } from '../model/relay';
import type { AppStatus, BackupInfo, Warning } from './results';

const none = z.strictObject({});

export const contract = {
  'app.status': operation<AppStatus>()(none, { mutates: false, inRecovery: true }),

  'relay.get': operation<RelaySettings>()(none, { mutates: false }),
  'relay.update': operation<RelaySettings>()(relaySettingsPatchSchema, { mutates: true }),

  'producers.list': operation<Producer[]>()(
    z.strictObject({ query: z.string().max(200).optional(), archived: archivedFilterSchema.default('active') }),
    { mutates: false },
  ),
  'producers.get': operation<Producer>()(z.strictObject({ id }), { mutates: false }),
  'producers.create': operation<{ producer: Producer; warnings: Warning[] }>()(producerDraftSchema, { mutates: true }),
  'producers.update': operation<{ producer: Producer; warnings: Warning[] }>()(producerPatchSchema, { mutates: true }),
  'producers.archive': operation<Producer>()(z.strictObject({ id }), { mutates: true }),
  'producers.restore': operation<Producer>()(z.strictObject({ id }), { mutates: true }),

  'backups.list': operation<BackupInfo[]>()(none, { mutates: false, inRecovery: true }),
  'backups.create': operation<BackupInfo>()(none, { mutates: true }),
  'backups.restore': operation<AppStatus>()(z.strictObject({ id: z.string().regex(/^[\w.-]+$/).max(80) }), {
    mutates: true,
    inRecovery: true,
  }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type ResultOf<N extends OperationName> = NonNullable<Contract[N]['result']>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
