import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { hardenApp, hardenSession, isAllowedExternalUrl } from './security';
import { app, BrowserWindow, resetFakeElectron, session, shell } from './testing/fake-electron';

const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => resetFakeElectron());

describe('hardenApp', () => {
  beforeEach(() => hardenApp());

  it('sandboxes every renderer', () => {
    expect(app.sandboxEnabled).toBe(true);
  });

  it('blocks every navigation away from the app page, in every window created afterwards', () => {
    for (const window of [new BrowserWindow(), new BrowserWindow()]) {
      expect(window.webContents.tryNavigate('https://evil.example/')).toBe(false);
      expect(window.webContents.tryNavigate('file:///etc/passwd')).toBe(false);
      expect(window.webContents.tryNavigate('javascript:alert(1)')).toBe(false);
    }
  });

  it('denies every new window', () => {
    const { webContents } = new BrowserWindow();
    for (const url of ['https://example.org/', 'about:blank', 'file:///tmp/x.html', 'javascript:alert(1)', '']) {
      expect(webContents.tryOpenWindow(url)).toBe('deny');
    }
  });

  it('sends http(s) links to the browser, and nothing else', async () => {
    const { webContents } = new BrowserWindow();
    webContents.tryOpenWindow('https://ferme-des-saules.be/paniers');
    webContents.tryNavigate('http://example.org/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'smb://host/share', 'ms-msdt:/id', 'not a url']) {
      webContents.tryOpenWindow(url);
      webContents.tryNavigate(url);
    }
    await flush();
    expect(shell.opened).toEqual(['https://ferme-des-saules.be/paniers', 'http://example.org/']);
  });

  it('refuses to attach a <webview>', () => {
    expect(new BrowserWindow().webContents.tryAttachWebview()).toBe(false);
  });
});

describe('hardenSession', () => {
  beforeEach(() => hardenSession(session.defaultSession as unknown as Electron.Session));

  it('denies every permission request and check', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid']) {
      await expect(session.defaultSession.requestPermission(permission)).resolves.toBe(false);
      expect(session.defaultSession.checkPermission(permission)).toBe(false);
    }
    expect(session.defaultSession.devicePermissionHandler?.({})).toBe(false);
  });

  it('puts our CSP on every response, replacing a server’s own in any letter case', () => {
    const headers = session.defaultSession.receiveHeaders('https://example.org/', {
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'CONTENT-SECURITY-POLICY': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('adds the CSP to a response that had no headers', () => {
    expect(session.defaultSession.receiveHeaders('https://example.org/', {})).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.org/', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'ftp://example.org/',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.org',
    'https://user:secret@example.org/',
    'https://user@example.org/',
    '//example.org/',
    '',
    'example.org',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
