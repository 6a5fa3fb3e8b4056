import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

// Electron itself cannot run here; the module's own code runs against recording stand-ins for its objects.
const created: { options: Record<string, unknown> }[] = [];
class FakeWebContents extends EventEmitter {
  openHandler: (() => { action: string }) | null = null;
  reloads = 0;
  setWindowOpenHandler(handler: () => { action: string }) {
    this.openHandler = handler;
  }
  isDestroyed() {
    return false;
  }
  reload() {
    this.reloads++;
  }
}
vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = new FakeWebContents();
    constructor(options: Record<string, unknown>) {
      created.push({ options });
    }
  },
}));

const { APP_ORIGIN, allowOnlyConsoleNotifications, createSecureWindow, isTrustedUrl } = await import('./security');

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('security defaults', () => {
  beforeEach(() => void (created.length = 0));

  it('creates every window isolated, sandboxed, without Node', () => {
    createSecureWindow('/app/preload.cjs', { width: 800 });
    expect(created[0]?.options['webPreferences']).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('denies navigation away, new windows and webviews, and reloads a crashed renderer', () => {
    const window = createSecureWindow('/p.cjs', {});
    const contents = window.webContents as unknown as FakeWebContents;
    expect(navigate(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate(contents, 'will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(navigate(contents, 'will-attach-webview', 'app://console/')).toBe(true);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(contents.reloads).toBe(1);
  });

  it('denies every permission but desktop notifications for the console itself', () => {
    type Request = (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void;
    type Check = (c: unknown, p: string, origin: string) => boolean;
    const handlers: { request?: Request; check?: Check; device?: () => boolean } = {};
    const session = {
      setPermissionRequestHandler: (h: Request) => (handlers.request = h),
      setPermissionCheckHandler: (h: Check) => (handlers.check = h),
      setDevicePermissionHandler: (h: () => boolean) => (handlers.device = h),
    };
    allowOnlyConsoleNotifications(session as never);
    const asked = (permission: string, url: string): boolean => {
      let answer: boolean | null = null;
      handlers.request?.(null, permission, (ok) => (answer = ok), { requestingUrl: url });
      if (answer === null) throw new Error('the request handler did not answer');
      return answer;
    };
    expect(asked('notifications', `${APP_ORIGIN}/index.html`)).toBe(true);
    for (const [permission, url] of [['geolocation', `${APP_ORIGIN}/`], ['media', `${APP_ORIGIN}/`], ['notifications', 'https://evil.example/'], ['notifications', 'file:///etc/passwd']] as const) {
      expect(asked(permission, url)).toBe(false);
    }
    expect(handlers.check?.(null, 'notifications', APP_ORIGIN)).toBe(true);
    expect(handlers.check?.(null, 'notifications', 'https://evil.example')).toBe(false);
    expect(handlers.check?.(null, 'geolocation', APP_ORIGIN)).toBe(false);
    expect(handlers.device?.()).toBe(false);
  });

  it('trusts IPC only from the console origin, never file:// or look-alikes', () => {
    expect(isTrustedUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of ['file:///work/main/dist/renderer/index.html', 'https://console/', 'app://console.evil/', 'app://evil/', 'javascript:alert(1)', '', null, undefined]) {
      expect(isTrustedUrl(url)).toBe(false);
    }
  });

  it('locks scripts, workers and connections to the console origin', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});
