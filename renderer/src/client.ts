/**
 * The renderer's only way to the data: one typed `call` derived from the
 * contract. In Electron it goes through the preload bridge; in a browser, to
 * the host over HTTP with the per-launch token. A network failure comes back
 * as an AppError like any refusal, so screens keep what the user typed.
 */
import type { CabasBridge } from '../../shared/contract/api';
import type { Outcome } from '../../shared/contract/errors';
import type { InputOf, OperationName, ResultOf } from '../../shared/contract/operations';

declare global {
  interface Window {
    cabas?: CabasBridge;
  }
}

const TOKEN_KEY = 'cabas.token';

/** The host puts the token in the URL fragment; keep it for this tab and take it out of the address bar. */
function hostToken(): string {
  const match = /(?:^|[#&])token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): CabasBridge {
  const token = hostToken();
  return {
    async invoke(name, input) {
      try {
        const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Outcome<never>;
      } catch {
        return { ok: false, error: { key: 'error.network' } };
      }
    },
  };
}

const bridge: CabasBridge = window.cabas ?? httpBridge();

export function call<N extends OperationName>(name: N, input: InputOf<N>): Promise<Outcome<ResultOf<N>>> {
  return bridge.invoke(name, input);
}
