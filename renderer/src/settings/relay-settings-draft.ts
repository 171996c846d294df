/**
 * The settings form edits text; percentages are typed the organiser's way
 * ("8,35") and sent as basis points (835). A percentage that cannot be read
 * is refused here, because it cannot be sent at all.
 */
import type { FieldIssue } from '../../../shared/contract/errors';
import { formatPercent, parsePercent } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/model/fields';
import type { RelaySettings } from '../../../shared/model/relay';

export const SETTINGS_FIELDS = ['name', 'address', 'country', 'currency', 'language', 'timeZone', 'hostCommission', 'serviceFee', 'feeVat', 'debitOrdersOn'] as const;
export type SettingsFieldName = (typeof SETTINGS_FIELDS)[number];

/** The sending copy (mailSender) and the shop's name are not settings typed here: their own operations set them. */
type EditedSettings = Omit<RelaySettings, 'mailSender' | 'shopDatabase'>;

export type SettingsText = Omit<EditedSettings, 'hostCommissionBp' | 'serviceFeeBp' | 'feeVatBp'> & {
  hostCommission: string;
  serviceFee: string;
  /** The VAT the relay charges on its fees (issue 15); "0" when it charges none. */
  feeVat: string;
};

/** The contract's names for the two rates, so server issues land on the right field. */
export const PATH_TO_FIELD: Record<string, SettingsFieldName> = {
  hostCommissionBp: 'hostCommission',
  serviceFeeBp: 'serviceFee',
  feeVatBp: 'feeVat',
};

export function settingsText(language: Language, relay: RelaySettings): SettingsText {
  const { hostCommissionBp, serviceFeeBp, feeVatBp, mailSender: _moved, shopDatabase: _named, ...rest } = relay;
  return {
    ...rest,
    hostCommission: formatPercent(language, hostCommissionBp),
    serviceFee: formatPercent(language, serviceFeeBp),
    feeVat: formatPercent(language, feeVatBp),
  };
}

export type ReadSettings = { ok: true; settings: EditedSettings } | { ok: false; issues: FieldIssue[] };

export function readSettingsText(text: SettingsText): ReadSettings {
  const { hostCommission, serviceFee, feeVat, ...rest } = text;
  const hostCommissionBp = parsePercent(hostCommission);
  const serviceFeeBp = parsePercent(serviceFee);
  const feeVatBp = parsePercent(feeVat);
  const issues: FieldIssue[] = [];
  if (hostCommissionBp === null) issues.push({ path: 'hostCommission', key: 'validation.percent' });
  if (serviceFeeBp === null) issues.push({ path: 'serviceFee', key: 'validation.percent' });
  if (feeVatBp === null) issues.push({ path: 'feeVat', key: 'validation.percent' });
  if (hostCommissionBp === null || serviceFeeBp === null || feeVatBp === null) return { ok: false, issues };
  return { ok: true, settings: { ...rest, hostCommissionBp, serviceFeeBp, feeVatBp } };
}
