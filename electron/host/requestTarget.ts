/** Longer request targets are refused outright (414): nothing the console serves needs one. */
export const MAX_TARGET_LENGTH = 4096;

export type Target = { ok: true; url: URL } | { ok: false; status: 400 | 414 | 421; reason: string };

/** Parses a request target without ever throwing: every shape a client can send maps to a URL or a 4xx. */
export function parseTarget(raw: string | undefined, origin: string): Target {
  const target = raw ?? '/';
  if (target.length > MAX_TARGET_LENGTH) return { ok: false, status: 414, reason: 'URI Too Long' };
  if (!target.startsWith('/') || target.startsWith('//')) return { ok: false, status: 400, reason: 'Bad Request' };
  try {
    return { ok: true, url: new URL(target, origin) };
  } catch {
    return { ok: false, status: 400, reason: 'Bad Request' };
  }
}

/**
 * DNS rebinding guard: a page on another name that resolves to 127.0.0.1 sends its own name as Host,
 * so only the names this host is really reached by are served.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** The console's own origins: the page may have been opened through either allowed host name. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
