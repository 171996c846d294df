import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../model/outbox';
import { backoffMs, behindLog, canDiscard, canRetry, claimed, failed, isDue, MAX_ATTEMPTS, recovered, retried, sent } from './state';

const T0 = new Date('2026-03-04T09:00:00.000Z');

function prepared(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: '0b6e2c4e-9a57-8c3f-9d1e-2f4a6b8c0d1e',
    distributionId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    kind: 'memberConfirmation',
    recipientId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
    toName: 'Chloé',
    toEmail: 'chloe@example.org',
    subject: 'Votre commande',
    text: 'Bonjour',
    attachments: [],
    status: 'prepared',
    attempts: 0,
    tries: 0,
    lastError: '',
    nextTryAt: null,
    attemptAt: null,
    sentAt: null,
    preparedAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    ...overrides,
  };
}

describe('the never-twice state machine', () => {
  it('never lets an attempt cut short by a crash be started again by itself', () => {
    const underWay = claimed(prepared(), T0);
    expect(underWay).toMatchObject({ status: 'sending', attempts: 1 });
    expect(isDue(underWay, T0)).toBe(false);
    const afterRestart = recovered(underWay, new Date(T0.getTime() + 3_600_000));
    expect(afterRestart.status).toBe('unknown');
    // However long the app then runs, only the organiser sends it again.
    expect(isDue(afterRestart, new Date(T0.getTime() + 30 * 86_400_000))).toBe(false);
    expect(canRetry(afterRestart)).toBe(true);
    expect(isDue(retried(afterRestart, T0), T0)).toBe(true);
  });

  it('never sends again what was sent, nor lets it be discarded', () => {
    const done = sent(claimed(prepared(), T0), T0);
    expect(done).toMatchObject({ status: 'sent', sentAt: T0.toISOString() });
    expect(isDue(done, new Date(T0.getTime() + 86_400_000))).toBe(false);
    expect(canRetry(done)).toBe(false);
    expect(canDiscard(done)).toBe(false);
    expect(recovered(done, T0)).toBe(done);
  });

  it('waits longer after each failure, and stops trying by itself after the last try', () => {
    let message = prepared();
    const waits: number[] = [];
    let at = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(isDue(message, at)).toBe(true);
      message = failed(claimed(message, at), '451 busy', false, at);
      if (message.nextTryAt === null) break;
      waits.push(Date.parse(message.nextTryAt) - at.getTime());
      // Not a moment before its time.
      expect(isDue(message, new Date(Date.parse(message.nextTryAt) - 1))).toBe(false);
      at = new Date(message.nextTryAt);
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(message).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextTryAt: null });
    expect(isDue(message, new Date(T0.getTime() + 86_400_000))).toBe(false);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('does not try again a message the server refused for good', () => {
    const refused = failed(claimed(prepared(), T0), '550 no such user', true, T0);
    expect(refused.nextTryAt).toBeNull();
    expect(isDue(refused, new Date(T0.getTime() + 86_400_000))).toBe(false);
  });

  it('counts the tries again from zero when the organiser retries, but never the attempts', () => {
    const again = retried(failed(claimed(prepared(), T0), '550', true, T0), T0);
    expect(again).toMatchObject({ status: 'prepared', attempts: 1, tries: 0 });
  });

  it('knows a record is behind the attempts log (data restored from before an attempt)', () => {
    expect(behindLog(prepared({ attempts: 0 }), 1)).toBe(true);
    expect(behindLog(prepared({ attempts: 1 }), 1)).toBe(false);
  });

  it('never sends a message without an address', () => {
    expect(isDue(prepared({ toEmail: '' }), T0)).toBe(false);
  });
});
