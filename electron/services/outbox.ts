/** The outbox operations (issue 15), handed to this copy's Outbox and its machine-local mail settings. */
import { UserError } from '../../shared/contract/errors';
import type { OutboxMessage } from '../../shared/model/outbox';
import type { MailSettingsPatch } from '../../shared/outbox/mail-settings';
import { canDiscard, canRetry, discarded, retried } from '../../shared/outbox/state';
import type { OutboxView } from '../../shared/outbox/views';
import { messagesFolder, type FolderOpener } from '../outbox/files';
import { isSendingSet, mailSettingsView, readMailSettings, saveMailSettings } from '../outbox/mail-settings';
import type { Outbox } from '../outbox/outbox';
import type { Store } from '../store/store';
import { existingDistribution } from './distributions';

export function outboxService(store: () => Store, outbox: Outbox, dataDir: string, now: () => Date, openFolder?: FolderOpener) {
  const list = async (distributionId?: string): Promise<OutboxView> => {
    const source = store();
    const pickupDates = new Map(source.all('distribution').map((distribution) => [distribution.id, distribution.pickupDate]));
    const messages = source
      .all('outboxMessage')
      .filter((message) => distributionId === undefined || message.distributionId === distributionId)
      .map(({ text: _text, attachments, ...message }) => ({
        ...message,
        attachments: attachments.map(({ fileName, contentType }) => ({ fileName, contentType })),
        pickupDate: pickupDates.get(message.distributionId) ?? '',
      }))
      .sort((a, b) => b.pickupDate.localeCompare(a.pickupDate) || a.kind.localeCompare(b.kind) || a.toName.localeCompare(b.toName, 'fr'));
    return { messages, connection: outbox.status(), sendingSet: isSendingSet(await readMailSettings(dataDir)) };
  };

  const change = (id: string, allowed: (message: OutboxMessage) => boolean, edit: (message: OutboxMessage, at: Date) => OutboxMessage) =>
    store().transact((tx) => {
      const message = tx.get('outboxMessage', id);
      if (!message) throw new UserError('error.messageNotFound');
      if (!allowed(message)) throw new UserError('error.messageNotChangeable');
      return tx.put('outboxMessage', edit(message, now()));
    });

  return {
    'outbox.list': ({ distributionId }: { distributionId?: string }) => list(distributionId),
    'outbox.get': async ({ id }: { id: string }) => {
      const message = store().get('outboxMessage', id);
      if (!message) throw new UserError('error.messageNotFound');
      return message;
    },
    'outbox.retry': async ({ id }: { id: string }) => {
      const message = await change(id, canRetry, retried);
      // Sent at once when a server is set, not at the next minute.
      outbox.kick();
      return message;
    },
    'outbox.discard': ({ id }: { id: string }) => change(id, canDiscard, discarded),
    'outbox.sendNow': async () => {
      await outbox.sweep();
      return list();
    },
    'outbox.exportFiles': async ({ distributionId }: { distributionId: string }) => {
      const distribution = existingDistribution(store(), distributionId);
      const folder = messagesFolder(dataDir, distribution.pickupDate);
      const files = await outbox.exportFiles(distributionId);
      if (openFolder) await openFolder(folder);
      return { folder, files, opened: openFolder !== undefined };
    },
    'mail.settings': async () => mailSettingsView(await readMailSettings(dataDir)),
    'mail.saveSettings': async (patch: MailSettingsPatch) => {
      const next = { ...(await readMailSettings(dataDir)), ...patch };
      // Without a From address, a server refuses the messages or marks them as spam.
      if (next.host !== '' && next.fromAddress === '') {
        throw new UserError('error.invalidInput', undefined, [{ path: 'fromAddress', key: 'validation.required' }]);
      }
      return mailSettingsView(await saveMailSettings(dataDir, patch));
    },
  };
}
