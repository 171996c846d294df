import { useI18n } from '../i18n/i18n-context';
import { areaById, areaHref, type AreaId } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';

/** An area a producer's copy does not have, reached by its address: say so rather than show an empty or refused screen. */
export function NotOnProducerCopy({ area }: { area: AreaId }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('sync.notAvailable.title', { area: t(areaById(area).label) })}</PageHeading>
      <p className="soon-body">{t('sync.notAvailable.body')}</p>
      <p>
        <a href={areaHref('stock')}>{t('nav.stock')}</a>
      </p>
    </>
  );
}
