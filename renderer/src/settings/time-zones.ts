/**
 * The time zones offered: the European ones the runtime knows (relays are in
 * Belgium and France), plus the current one if it is elsewhere, so saving
 * never silently changes it.
 */
const FALLBACK = ['Europe/Brussels', 'Europe/Paris', 'Europe/Luxembourg', 'Europe/Amsterdam', 'Europe/Zurich', 'Europe/London'];

export function timeZoneChoices(current: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone.startsWith('Europe/'));
  } catch {
    zones = FALLBACK;
  }
  if (zones.length === 0) zones = FALLBACK;
  return zones.includes(current) ? zones : [current, ...zones];
}

/** "Europe/Isle_of_Man" → "Europe / Isle of Man": the IANA name, readable. */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}
