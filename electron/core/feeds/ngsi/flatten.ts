import type { Mapped } from '../result';
import { accept, refuse } from '../result';

/** An entity reduced to attribute → plain value, whichever NGSI representation it came in. */
export interface FlatEntity {
  id: string;
  type: string;
  attrs: Record<string, unknown>;
  /** Per-attribute observation times (NGSI-LD `observedAt`, NGSI-v2 `metadata.timestamp`), as given. */
  observedAt: Record<string, string>;
}

const MAX_ATTRIBUTES = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function observedAtOf(attribute: Record<string, unknown>): string | null {
  if (typeof attribute['observedAt'] === 'string') return attribute['observedAt'];
  const metadata = attribute['metadata'];
  if (isRecord(metadata) && isRecord(metadata['timestamp']) && typeof metadata['timestamp']['value'] === 'string') return metadata['timestamp']['value'];
  return null;
}

/** JSON-LD typed literals (`{"@type": "DateTime", "@value": "…"}`) stand for their value. */
function typedLiteral(value: unknown): unknown {
  return isRecord(value) && '@value' in value ? value['@value'] : value;
}

/** Normalized attributes carry `value`, `object` or `languageMap`; keyValues attributes are the value itself (a GeoJSON geometry included). */
function plainValue(attribute: unknown): unknown {
  if (!isRecord(attribute)) return attribute;
  if ('value' in attribute) return typedLiteral(attribute['value']);
  if (attribute['type'] === 'Relationship' && 'object' in attribute) return attribute['object'];
  if (isRecord(attribute['languageMap'])) {
    const map = attribute['languageMap'];
    return map['en'] ?? Object.values(map)[0];
  }
  return attribute;
}

/**
 * Flattens NGSI-LD (normalized or keyValues, with or without `@context`) and NGSI-v2 entities alike,
 * so the mappers validate one shape. Never throws: anything that is not an entity is refused with a reason.
 */
export function flattenEntity(raw: unknown): Mapped<FlatEntity> {
  if (!isRecord(raw)) return refuse('entity is not a JSON object');
  const { id, type } = raw;
  if (typeof id !== 'string' || id.length === 0 || id.length > 256) return refuse('entity id missing or longer than 256 characters');
  if (typeof type !== 'string' || type.length === 0 || type.length > 100) return refuse(`${id}: entity type missing`);
  const keys = Object.keys(raw).filter((k) => k !== 'id' && k !== 'type' && k !== '@context');
  if (keys.length > MAX_ATTRIBUTES) return refuse(`${id}: more than ${MAX_ATTRIBUTES} attributes`);
  const attrs: Record<string, unknown> = {};
  const observedAt: Record<string, string> = {};
  for (const key of keys) {
    const attribute = raw[key];
    attrs[key] = plainValue(attribute);
    if (isRecord(attribute)) {
      const at = observedAtOf(attribute);
      if (at !== null) observedAt[key] = at;
    }
  }
  return accept({ id, type, attrs, observedAt });
}
