import { useI18n } from '../i18n/i18n-context';
import { AREAS, areaHref, type AreaId } from './areas';

/** `open`: the areas this copy has (a producer's copy has only a few). */
export function AppNav({ current, open }: { current: AreaId; open: (area: AreaId) => boolean }) {
  const { t } = useI18n();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {AREAS.filter((area) => open(area.id)).map((area) => (
          <li key={area.id}>
            <a href={areaHref(area.id)} aria-current={area.id === current ? 'page' : undefined}>
              <span>{t(area.label)}</span>
              {!area.ready && <span className="soon-badge">{t('nav.soon')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
