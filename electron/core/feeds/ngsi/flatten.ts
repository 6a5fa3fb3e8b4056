import type { Mapped } from '../result';
import { accept, refuse } from '../result';

/** An entity reduced to attribute → plain value, whichever NGSI representation it came in. */
export interface FlatEntity {
  id: string;
  type: string;
  attrs: Record<string, unknown>;
  /** Per-attribute observation times (NGSI-LD `observedAt`, NGSI-v2 `metadata.timestamp`), as given. */
  observedAt: Record<string, string>;
  /**
   * Multi-attributes (NGSI-LD: several instances of one attribute, each with its own `datasetId`), every
   * instance's value in order. `attrs` then holds the default instance (the one without a datasetId, or the first).
   */
  instances: ReadonlyMap<string, readonly unknown[]>;
}

const MAX_ATTRIBUTES = 100;
const MAX_ID = 256;

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
    return Object.hasOwn(map, 'en') ? map['en'] : Object.values(map)[0];
  }
  return attribute;
}

const ATTRIBUTE_TYPES = new Set(['Property', 'Relationship', 'GeoProperty', 'LanguageProperty', 'ListProperty', 'VocabProperty', 'JsonProperty']);

/** One normalized attribute instance: `{type: "Property", value: …, datasetId?: …}`. */
function isInstance(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value['type'] === 'string' && ATTRIBUTE_TYPES.has(value['type']) && ('value' in value || 'object' in value || 'languageMap' in value);
}

/** A normalized multi-attribute is an array of instances; a keyValues array of plain values is not. */
function instancesOf(attribute: unknown): Record<string, unknown>[] | null {
  return Array.isArray(attribute) && attribute.length > 0 && attribute.every(isInstance) ? attribute : null;
}

/** Shared by every entity without multi-attributes (most of them): nothing is ever added to it. */
const NO_INSTANCES: ReadonlyMap<string, readonly unknown[]> = new Map();

/**
 * Flattens NGSI-LD (normalized or keyValues, with or without `@context`) and NGSI-v2 entities alike,
 * so the mappers validate one shape. Never throws: anything that is not an entity is refused with a reason.
 */
export function flattenEntity(raw: unknown): Mapped<FlatEntity> {
  if (!isRecord(raw)) return refuse('entity is not a JSON object');
  const { id, type } = raw;
  if (typeof id !== 'string') return refuse('entity id missing or not text');
  if (id.trim().length === 0) return refuse('entity id is empty');
  if (id.length > MAX_ID) return refuse(`entity id of ${id.length} characters is longer than ${MAX_ID}`);
  if (typeof type !== 'string' || type.length === 0 || type.length > 100) return refuse(`${id}: entity type missing`);
  const keys = Object.keys(raw);
  if (keys.length > MAX_ATTRIBUTES && keys.filter((k) => k !== 'id' && k !== 'type' && k !== '@context').length > MAX_ATTRIBUTES) return refuse(`${id}: more than ${MAX_ATTRIBUTES} attributes`);
  // Prototype-less records written in place (one pass, no entry arrays to collect): an attribute named
  // `__proto__` stays an attribute, there being no Object.prototype accessor for it to reach.
  const attrs: Record<string, unknown> = Object.create(null);
  const observedAt: Record<string, string> = Object.create(null);
  let instances: Map<string, unknown[]> | null = null;
  for (const key of keys) {
    if (key === 'id' || key === 'type' || key === '@context') continue;
    const all = instancesOf(raw[key]);
    const attribute = all ? (all.find((i) => !('datasetId' in i)) ?? all[0]) : raw[key];
    if (all) (instances ??= new Map()).set(key, all.map(plainValue));
    attrs[key] = plainValue(attribute);
    if (isRecord(attribute)) {
      const at = observedAtOf(attribute);
      if (at !== null) observedAt[key] = at;
    }
  }
  return accept({ id, type, attrs, observedAt, instances: instances ?? NO_INSTANCES });
}
