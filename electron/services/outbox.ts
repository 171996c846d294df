/** The outbox operations (issue 15), handed to this copy's Outbox and its machine-local mail settings. */
import { UserError } from '../../shared/contract/errors';
import type { OutboxMessage } from '../../shared/model/outbox';
import type { MailSettingsPatch } from '../../shared/outbox/mail-settings';
import { canDiscard, canRetry, discarded, retried } from '../../shared/outbox/state';
import { OUTBOX_PAGE_SIZE, type OutboxView } from '../../shared/outbox/views';
import { messagesFolder, type FolderOpener } from '../outbox/files';
import { isSendingSet, mailSettingsView, readMailSettings, saveMailSettings } from '../outbox/mail-settings';
import type { Outbox } from '../outbox/outbox';
import { sendingCopy, waitingFromBefore } from '../outbox/sending-copy';
import type { Store } from '../store/store';
import { existingDistribution } from './distributions';

export function outboxService(store: () => Store, outbox: Outbox, dataDir: string, now: () => Date, openFolder?: FolderOpener) {
  const list = async ({ distributionId, page = 0 }: { distributionId?: string; page?: number }): Promise<OutboxView> => {
    const source = store();
    // A distribution that does not exist is refused like everywhere else, not answered with an empty outbox.
    if (distributionId !== undefined) existingDistribution(source, distributionId);
    const pickupDates = new Map(source.all('distribution').map((distribution) => [distribution.id, distribution.pickupDate]));
    // Sorted on the small fields, then only the page's rows are copied out: years of messages stay cheap to list.
    const all = source
      .all('outboxMessage')
      .filter((message) => distributionId === undefined || message.distributionId === distributionId)
      .map((message) => ({ message, pickupDate: pickupDates.get(message.distributionId) ?? '' }))
      .sort((a, b) => b.pickupDate.localeCompare(a.pickupDate) || a.message.kind.localeCompare(b.message.kind) || a.message.toName.localeCompare(b.message.toName, 'fr'));
    const lastPage = Math.max(0, Math.ceil(all.length / OUTBOX_PAGE_SIZE) - 1);
    const start = Math.min(page, lastPage) * OUTBOX_PAGE_SIZE;
    const messages = all.slice(start, start + OUTBOX_PAGE_SIZE).map(({ message: { text: _text, attachments, ...message }, pickupDate }) => ({
      ...message,
      attachments: attachments.map(({ fileName, contentType }) => ({ fileName, contentType })),
      pickupDate,
    }));
    const settings = await readMailSettings(dataDir);
    return {
      messages,
      start,
      total: all.length,
      pageSize: OUTBOX_PAGE_SIZE,
      connection: outbox.status(),
      working: outbox.working(),
      sendingSet: isSendingSet(settings),
      sendingCopy: sendingCopy(source, source.deviceId),
      waitingFromBefore: waitingFromBefore(source, source.deviceId, now()).length,
      doubled: settings.doubled,
    };
  };

  const change = (id: string, allowed: (message: OutboxMessage) => boolean, edit: (message: OutboxMessage, at: Date) => OutboxMessage) =>
    store().transact((tx) => {
      const message = tx.get('outboxMessage', id);
      if (!message) throw new UserError('error.messageNotFound');
      if (!allowed(message)) throw new UserError('error.messageNotChangeable');
      return tx.put('outboxMessage', edit(message, now()));
    });

  return {
    'outbox.list': (query: { distributionId?: string; page?: number }) => list(query),
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
    'outbox.sendNow': async ({ page }: { page?: number }) => {
      await outbox.sweep();
      return list({ page });
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
      // Refused without a From address when a server is set (mail-settings.ts), nothing saved.
      const saved = await saveMailSettings(dataDir, patch);
      // The first copy given a mail server sends the e-mails; a copy in recovery or not yet approved takes it at a later round.
      if (isSendingSet(saved)) await outbox.offerToSend().catch(() => undefined);
      return mailSettingsView(saved);
    },
    'mail.sendFromHere': async ({ page }: { page?: number }) => {
      await outbox.sendFromHere();
      return list({ page });
    },
    'mail.dismissDoubled': async ({ page }: { page?: number }) => {
      await outbox.dismissDoubled();
      return list({ page });
    },
    'mail.sendWaitingHere': async ({ page }: { page?: number }) => {
      await outbox.sendWaitingHere();
      return list({ page });
    },
  };
}
