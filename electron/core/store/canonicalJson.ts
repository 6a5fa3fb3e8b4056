/**
 * JSON with object keys sorted at every level, so the same record always hashes the same,
 * whatever order its fields were built or read back in. Undefined fields are dropped, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // JSON.stringify(undefined) and functions give undefined; inside a record they are dropped, at the top they are null.
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((element) => canonicalJson(element)).join(',')}]`;
  const fields = Object.entries(value)
    .filter(([, field]) => field !== undefined && typeof field !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
  return `{${fields.join(',')}}`;
}
