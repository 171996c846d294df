import type { RelaySettings, RelaySettingsPatch } from '../../shared/model/relay';
import { DEFAULT_RELAY_SETTINGS } from '../../shared/model/relay';
import { RELAY_ID } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { freezeClosed } from './frozen-rates';

/** The relay's settings; the defaults stand until the organiser first saves. */
export function readRelay(source: Store | Transaction): RelaySettings {
  const record = source.get('relay', RELAY_ID);
  if (!record) return DEFAULT_RELAY_SETTINGS;
  const { id: _id, ...settings } = record;
  return settings;
}

export function relayService(store: () => Store, now: () => Date) {
  return {
    'relay.get': async () => readRelay(store()),
    'relay.update': (patch: RelaySettingsPatch) =>
      store().transact((tx) => {
        // Distributions whose ordering closed since the last sweep keep the rates they closed under, not the new ones (issue 15).
        freezeClosed(tx, now());
        // The first save writes the whole record: the defaults in it are not news to other copies (PutOptions.baseline).
        const baseline = tx.get('relay', RELAY_ID) ? undefined : { ...DEFAULT_RELAY_SETTINGS, id: RELAY_ID };
        const { id: _id, ...saved } = tx.put('relay', { ...readRelay(tx), ...patch, id: RELAY_ID }, { baseline });
        return saved;
      }),
  };
}
