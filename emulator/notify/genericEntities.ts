import { isRecord } from '../ngsi/flatten';
import type { NgsiEntity } from './entity';

/**
 * Entities of any type a client creates, as a broker would keep them: the emulator does not simulate
 * them, it only stores, serves and notifies them. Input may be normalized or keyValues; it is kept normalized.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
/** CIM 009 §4.6.2 forbids these characters in names. */
const NAME = /^[^<>"'=;()\s]+$/;
const NODE_TYPES = new Set(['Property', 'GeoProperty', 'Relationship', 'LanguageProperty']);
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
const GEO_NAMES = new Set(['location', 'observationSpace', 'operationSpace']);
/** Core members that are not attributes. */
const RESERVED = new Set(['id', 'type', '@context', 'scope', 'createdAt', 'modifiedAt', 'deletedAt']);

const isGeometry = (v: unknown): boolean => isRecord(v) && typeof v['type'] === 'string' && GEOMETRY_TYPES.has(v['type']) && Array.isArray(v['coordinates']);

function normalizeAttr(name: string, raw: unknown): Parsed<Record<string, unknown>> {
  if (!NAME.test(name)) return { ok: false, detail: `attribute name "${name}" has a forbidden character` };
  if (raw === null || raw === undefined) return { ok: false, detail: `${name}: null is not an NGSI-LD value` };
  if (isRecord(raw) && typeof raw['type'] === 'string' && NODE_TYPES.has(raw['type'])) {
    const attr = { ...raw };
    switch (raw['type']) {
      case 'Property':
        return 'value' in raw && raw['value'] !== null ? { ok: true, value: attr } : { ok: false, detail: `${name}: a Property needs a value` };
      case 'GeoProperty':
        return isGeometry(raw['value']) ? { ok: true, value: attr } : { ok: false, detail: `${name}: a GeoProperty needs a GeoJSON geometry value` };
      case 'Relationship':
        return typeof raw['object'] === 'string' && URI.test(raw['object']) ? { ok: true, value: attr } : { ok: false, detail: `${name}: a Relationship needs an object URI` };
      default:
        return isRecord(raw['languageMap']) ? { ok: true, value: attr } : { ok: false, detail: `${name}: a LanguageProperty needs a languageMap` };
    }
  }
  // keyValues: a geometry under a geo name is a GeoProperty, everything else a Property.
  if (GEO_NAMES.has(name) && isGeometry(raw)) return { ok: true, value: { type: 'GeoProperty', value: raw } };
  return { ok: true, value: { type: 'Property', value: raw } };
}

/** Attributes of a body (entity or fragment), normalized. */
export function parseAttributes(body: Record<string, unknown>): Parsed<Record<string, Record<string, unknown>>> {
  const attrs: Record<string, Record<string, unknown>> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (RESERVED.has(name)) continue;
    const attr = normalizeAttr(name, raw);
    if (!attr.ok) return attr;
    attrs[name] = attr.value;
  }
  return { ok: true, value: attrs };
}

export function parseEntity(json: unknown): Parsed<NgsiEntity> {
  if (!isRecord(json)) return { ok: false, detail: 'body must be a JSON object' };
  const { id, type } = json;
  if (typeof id !== 'string' || !URI.test(id)) return { ok: false, detail: 'id must be a URI, e.g. urn:ngsi-ld:Thing:1' };
  if (typeof type !== 'string' || !NAME.test(type)) return { ok: false, detail: 'type must be one entity type name' };
  const attrs = parseAttributes(json);
  return attrs.ok ? { ok: true, value: { id, type, attrs: attrs.value } } : attrs;
}

export class GenericEntities {
  private readonly entities = new Map<string, NgsiEntity>();

  /** `changed` hears every creation, update (the new state) and deletion (null). */
  constructor(private readonly changed: (id: string, now: NgsiEntity | null) => void) {}

  get size(): number {
    return this.entities.size;
  }

  get(id: string): NgsiEntity | undefined {
    return this.entities.get(id);
  }

  ofTypes(types: readonly string[]): NgsiEntity[] {
    return [...this.entities.values()].filter((e) => types.includes(e.type));
  }

  /** False when the id is taken. */
  create(entity: NgsiEntity): boolean {
    if (this.entities.has(entity.id)) return false;
    this.entities.set(entity.id, entity);
    this.changed(entity.id, entity);
    return true;
  }

  /** Adds or replaces the given attributes (PATCH /attrs merges). */
  merge(id: string, attrs: Record<string, Record<string, unknown>>): boolean {
    const old = this.entities.get(id);
    if (old === undefined) return false;
    const now: NgsiEntity = { ...old, attrs: { ...old.attrs, ...attrs } };
    this.entities.set(id, now);
    this.changed(id, now);
    return true;
  }

  delete(id: string): boolean {
    if (!this.entities.delete(id)) return false;
    this.changed(id, null);
    return true;
  }
}
