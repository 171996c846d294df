/**
 * App-wide hardening, applied to every web contents the app ever creates
 * (the main window, print windows, anything added later), so a new window
 * cannot forget it. See https://www.electronjs.org/docs/latest/tutorial/security.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/** Only web pages leave the app, and only to the user's browser; never file:, javascript:, custom schemes or URLs with credentials. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
}

/** A link to a producer's website opens in the browser instead of replacing the app. */
export function openExternally(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.warn('Cabas: could not open a link', error));
}

export function hardenWebContents(contents: WebContents): void {
  // The app is one local page: nothing may navigate it away, in-page routing (hash, history) does not fire this.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternally(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  // <webview> is disabled in every window; refuse it even if a future window turns it on.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call before `ready`: sandbox every renderer and harden every web contents at creation. */
export function hardenApp(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** Call once `ready`: the app needs no camera, location, notifications, USB…; it asks for none, so grant none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Covers anything served over http(s); the file:// page has no headers and carries its policy in a <meta> tag.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...withoutCsp(details.responseHeaders), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** A server's own CSP header (in any letter case) is replaced, never merged, so ours is the one that applies. */
function withoutCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
}
