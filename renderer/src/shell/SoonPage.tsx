import { useI18n } from '../i18n/i18n-context';
import { areaById, type AreaId } from './areas';
import { PageHeading } from './PageHeading';

/** An area listed in the menu but not built yet: say so plainly rather than show an empty screen. */
export function SoonPage({ area }: { area: AreaId }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('soon.title', { area: t(areaById(area).label) })}</PageHeading>
      <p className="soon-body">{t('soon.body')}</p>
    </>
  );
}
