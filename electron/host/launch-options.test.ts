import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, hostLaunch } from './launch-options';

describe('how the browser host is launched', () => {
  it('listens on the same port at every launch and opens the browser, unless told otherwise', () => {
    expect(hostLaunch([], {})).toEqual({ ok: true, port: DEFAULT_PORT, portChosen: false, open: true });
    expect(hostLaunch(['--no-open'], {})).toMatchObject({ open: false });
  });

  it('takes the port from --port, then CABAS_PORT; 0 means any free port', () => {
    expect(hostLaunch(['--port=8080'], { CABAS_PORT: '9090' })).toMatchObject({ port: 8080, portChosen: true });
    expect(hostLaunch(['--port', '0'], {})).toMatchObject({ port: 0, portChosen: true });
    expect(hostLaunch([], { CABAS_PORT: '9090' })).toMatchObject({ port: 9090, portChosen: true });
    expect(hostLaunch([], { CABAS_PORT: ' ' })).toMatchObject({ port: DEFAULT_PORT, portChosen: false });
  });

  it.each(['abc', '-1', '65536', '80.5', ''])('refuses the port %j with a message that says what is expected', (port) => {
    expect(hostLaunch([`--port=${port}`], {})).toEqual({ ok: false, message: expect.stringContaining('from 0 to 65535') });
  });
});
