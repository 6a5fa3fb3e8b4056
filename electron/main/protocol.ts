import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { SECURITY_HEADERS, mimeType, resolveStaticPath } from '../core/static-files';
import { APP_SCHEME } from './security';

/** Must run before `app` is ready: the console's scheme behaves like https (secure, standard, fetch allowed). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer under app://console/ with the same security headers as the browser host. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = url.host === 'console' ? resolveStaticPath(rendererDir, url.pathname) : null;
    if (!path) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path).href);
    if (!file.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(path) } });
  });
}
