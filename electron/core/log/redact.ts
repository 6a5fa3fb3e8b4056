/**
 * What never reaches a log: values under these keys (at any of the first three levels of the fields,
 * in any common spelling) and secrets embedded in text (a `secret=` or `token=` query, a Bearer header).
 */
const SECRET_KEYS = [
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'secret',
  'clientSecret',
  'client_secret',
  'authorization',
  'Authorization',
  'password',
  'passwd',
  'cookie',
  'Cookie',
  'set-cookie',
  'apiKey',
  'api_key',
  'x-api-key',
];

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`);
const join = (prefix: string, name: string) => (name.startsWith('[') ? `${prefix}${name}` : `${prefix}.${name}`);

/** pino `redact` paths for every secret key, top level and two levels down (fast-redact has no deep wildcard). */
export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((name) => [key(name), join('*', key(name)), join('*.*', key(name))]);

export const REDACTED = '[redacted]';

const IN_TEXT: readonly [RegExp, string][] = [
  [/\b(secret|token|access_token|password|api_key)=[^&\s#"']+/gi, `$1=${REDACTED}`],
  [/\bBearer\s+[\w.~+/-]+=*/gi, `Bearer ${REDACTED}`],
];

/** Removes secrets written into free text, such as a URL with its launch secret or an echoed header. */
export function scrubText(text: string): string {
  return IN_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The fields with their top-level strings scrubbed; keys are left to pino's `redact`. */
export function scrubFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, typeof value === 'string' ? scrubText(value) : value]));
}
