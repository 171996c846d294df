/**
 * The first-run guide's steps, in the order a new relay needs them, and
 * whether the organiser hid it. Hidden is remembered on this machine (the app
 * keeps it in its own storage in Electron; in a browser, per address, which
 * the fixed port keeps the same).
 */
import type { RelaySettings } from '../../../shared/model/relay';
import { DEFAULT_RELAY_SETTINGS } from '../../../shared/model/relay';
import type { SetUp } from './use-today-plan';

export const GUIDE_STEPS = ['settings', 'producers', 'catalogue', 'distribution'] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

/** A step is done once there is something to show for it; the relay's settings, once it has its own name. */
export function stepsDone(relay: Pick<RelaySettings, 'name'>, setUp: SetUp): Record<GuideStep, boolean> {
  return {
    settings: relay.name !== DEFAULT_RELAY_SETTINGS.name,
    producers: setUp.producers > 0,
    catalogue: setUp.products > 0,
    distribution: setUp.distributions > 0,
  };
}

const KEY = 'cabas.firstRunGuide.hidden';

export function guideHidden(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function hideGuide(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Without storage the guide comes back at the next start; it still goes away once every step is done.
  }
}
