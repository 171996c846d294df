import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { areaHref, type AreaId } from '../shell/areas';
import { GUIDE_STEPS, guideHidden, hideGuide, stepsDone, type GuideStep } from './first-run-guide';
import type { SetUp } from './use-today-plan';

const STEPS: Record<GuideStep, { text: MessageKey; open: MessageKey; area: AreaId }> = {
  settings: { text: 'guide.step.settings', open: 'guide.open.settings', area: 'settings' },
  producers: { text: 'guide.step.producers', open: 'guide.open.producers', area: 'producers' },
  catalogue: { text: 'guide.step.catalogue', open: 'guide.open.catalogue', area: 'catalogue' },
  distribution: { text: 'guide.step.distribution', open: 'guide.open.distribution', area: 'distributions' },
};

/**
 * A new relay opened on an empty producers list with no hint of where to
 * start. The guide lists the four steps in order, each with its screen, ticks
 * those done, and goes away when all are done or the organiser hides it.
 */
export function FirstRunGuide({ setUp }: { setUp: SetUp }) {
  const { t } = useI18n();
  const { relay } = useReadyApp();
  const [hidden, setHidden] = useState(guideHidden);
  const done = stepsDone(relay, setUp);
  if (hidden || GUIDE_STEPS.every((step) => done[step])) return null;

  return (
    <section className="panel first-run-guide" aria-labelledby="guide-title">
      <div className="panel-head">
        <h2 id="guide-title">{t('guide.title')}</h2>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            hideGuide();
            setHidden(true);
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        >
          {t('guide.dismiss')}
        </button>
      </div>
      <p className="muted">{t('guide.intro')}</p>
      <ol className="guide-steps">
        {GUIDE_STEPS.map((step) => (
          <li key={step} className={done[step] ? 'guide-step guide-step-done' : 'guide-step'}>
            <span>{t(STEPS[step].text)}</span>
            {done[step] ? (
              <strong className="guide-done">✓ {t('guide.stepDone')}</strong>
            ) : (
              <a className="hub-link" href={areaHref(STEPS[step].area)}>
                {t(STEPS[step].open)}
              </a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
