/**
 * Accepts a request body in either NGSI-LD representation and returns plain attribute values:
 * `{type:'Property'|'GeoProperty', value}` → value, `{type:'Relationship', object}` → object; anything else
 * (keyValues) passes through. `@context` is dropped: the emulator understands only its own short names.
 */
export function flattenAttributes(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (name === '@context') continue;
    out[name] = flattenValue(raw);
  }
  return out;
}

function flattenValue(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const type = 'type' in raw ? raw.type : undefined;
  if ((type === 'Property' || type === 'GeoProperty') && 'value' in raw) return raw.value;
  if (type === 'Relationship' && 'object' in raw) return raw.object;
  return raw;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
