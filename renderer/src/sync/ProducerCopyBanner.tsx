import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import type { CopyMode } from './copy-mode';
import './sync.css';

/** Says on every page that this is a producer's copy, and whose: the missing areas are no accident. */
export function ProducerCopyBanner({ mode }: { mode: CopyMode }) {
  const { t } = useI18n();
  if (mode.role !== 'producer') return null;
  return (
    <div className="shell-banner copy-banner">
      {mode.producerId === null ? (
        <p className="copy-banner-title">
          <a href={areaHref('sync')}>{t('sync.producerCopyChoose')}</a>
        </p>
      ) : (
        <p className="copy-banner-title">{t('sync.producerCopy', { producer: mode.producerName ?? '…' })}</p>
      )}
      <p className="copy-banner-help">{t('sync.producerCopyHelp')}</p>
    </div>
  );
}
