/** The value of one cookie in a Cookie header, or null; a malformed header yields null, never an exception. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined || header.length > 8192) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** A session cookie only this host's pages send back: never to script (HttpOnly), never cross-site (Strict). */
export function sessionCookie(name: string, value: string): string {
  return `${name}=${value}; HttpOnly; SameSite=Strict; Path=/`;
}
