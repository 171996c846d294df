import { useI18n } from '../i18n/i18n-context';

/** Where the relay's files are, and how to point Cabas elsewhere (a USB key, a test folder). */
export function DataFolder({ dataDir }: { dataDir: string }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="settings-data">
      <h2 id="settings-data">{t('settings.data')}</h2>
      <dl className="facts">
        <dt>{t('settings.dataDir')}</dt>
        <dd>
          <code className="path">{dataDir}</code>
        </dd>
      </dl>
      <p className="field-hint">{t('settings.dataDirHelp')}</p>
    </section>
  );
}
