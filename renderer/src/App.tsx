import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RelaySettings } from '../../shared/model/relay';
import { loadAppState, type AppState } from './app/app-state';
import { ReadyAppContext, type ReadyApp } from './app/ready-app-context';
import { StartupScreen } from './app/StartupScreen';
import { machineTimeZone } from './i18n/i18n-context';
import { I18nProvider } from './i18n/I18nProvider';
import { rememberedLanguage } from './i18n/remembered-language';
import { RecoveryScreen } from './recovery/RecoveryScreen';
import { Shell } from './shell/Shell';

/**
 * Loading → ready (the shell) or recovery (only the recovery screen: with a
 * damaged file nothing else may run). A restore from either place reloads the state.
 */
export function App() {
  const [state, setState] = useState<AppState>({ phase: 'loading' });

  const reload = useCallback(async () => {
    setState(await loadAppState());
  }, []);

  useEffect(() => {
    let live = true;
    void loadAppState().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, []);

  const relaySaved = useCallback((relay: RelaySettings) => {
    setState((current) => (current.phase === 'ready' ? { ...current, relay } : current));
  }, []);

  const readyApp = useMemo<ReadyApp | null>(
    () => (state.phase === 'ready' ? { status: state.status, relay: state.relay, relaySaved, reload } : null),
    [state, relaySaved, reload],
  );

  const language = state.phase === 'ready' ? state.relay.language : rememberedLanguage();
  const timeZone = state.phase === 'ready' ? state.relay.timeZone : machineTimeZone();

  return (
    <I18nProvider language={language} timeZone={timeZone}>
      {state.phase === 'recovery' ? (
        <RecoveryScreen status={state.status} onRestored={reload} />
      ) : readyApp ? (
        <ReadyAppContext value={readyApp}>
          <Shell />
        </ReadyAppContext>
      ) : (
        <StartupScreen error={state.phase === 'failed' ? state.error : null} onRetry={reload} />
      )}
    </I18nProvider>
  );
}
