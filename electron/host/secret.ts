import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-launch secret: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so the secret cannot be guessed byte by byte from response timing. */
export function secretMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
