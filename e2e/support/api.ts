/**
 * Setting up a relay through the host's real API, as another screen would,
 * so a spec can start where its story starts (e.g. with orders to settle).
 */
import { expect, type APIRequestContext } from '@playwright/test';
import type { HostInfo } from './host-process';

export function api(request: APIRequestContext, host: HostInfo) {
  return async function call<T = unknown>(name: string, data: object): Promise<T> {
    const response = await request.post(`${host.url}api/call/${name}`, { data, headers: { Authorization: `Bearer ${host.token}` } });
    const outcome = await response.json();
    expect(outcome, `${name} ${JSON.stringify(data)}`).toMatchObject({ ok: true });
    return outcome.value as T;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A distribution whose ordering is open now (real clock): opened yesterday, closes in two days, pickup in three. */
export function openDistributionDraft(now = new Date()) {
  const day = (offset: number) => localDate(new Date(now.getTime() + offset * 24 * 3600 * 1000));
  return {
    pickupDate: day(3),
    pickupStart: '17:00',
    pickupEnd: '19:00',
    opens: { date: day(-1), time: '09:00' },
    closes: { date: day(2), time: '23:59' },
  };
}

/**
 * Two organisers' copies on one team folder, through their hosts' API, as electron/testing/roster.ts `enrol` does
 * through the services: each syncs (its key and asked role are in the folder), then the first, which keeps the
 * roster, approves the second (on screen it compares codes first: sync.spec.ts's first test).
 */
export async function enrolOverApi(first: ReturnType<typeof api>, second: ReturnType<typeof api>, teamFolder: string): Promise<void> {
  for (const copy of [first, second]) await copy('sync.saveSettings', { teamFolder, autoSyncMinutes: 0 });
  await first('sync.now', {});
  await second('sync.now', {});
  await first('sync.now', {});
  await first('sync.approveCopy', { device: (await second<{ deviceId: string }>('sync.status', {})).deviceId });
}
