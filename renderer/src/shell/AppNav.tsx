import { useI18n } from '../i18n/i18n-context';
import { AREAS, areaHref, type AreaId } from './areas';

export function AppNav({ current }: { current: AreaId }) {
  const { t } = useI18n();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {AREAS.map((area) => (
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
