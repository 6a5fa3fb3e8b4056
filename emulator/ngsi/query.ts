import type { EntityModel } from './entityModel';
import { toKeyValues } from './entityModel';
import { ENTITY_TYPES } from './entities';
import type { EntityType } from './entities';
import { matchesGeo, parseGeo } from './geoFilter';
import type { GeoFilter } from './geoFilter';
import { matchesQ, parseQ } from './qFilter';
import type { Term } from './qFilter';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

export interface EntityQuery {
  readonly types: readonly EntityType[];
  readonly ids: readonly string[] | null;
  readonly q: readonly Term[];
  readonly geo: GeoFilter | null;
  readonly limit: number;
  readonly offset: number;
  readonly count: boolean;
  readonly keyValues: boolean;
}

type Parsed = { ok: true; query: EntityQuery } | { ok: false; detail: string };

function isEntityType(t: string): t is EntityType {
  return ENTITY_TYPES.some((known) => known === t);
}

function parseCount(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Reads GET /entities parameters. Unknown types are not an error in NGSI-LD: they simply match nothing. */
export function parseEntityQuery(params: URLSearchParams): Parsed {
  const typeParam = params.get('type');
  const idParam = params.get('id');
  if (typeParam === null && idParam === null && !params.has('q') && !params.has('georel')) {
    return { ok: false, detail: 'give at least one of type, id, q or georel' };
  }
  const types = typeParam === null ? [...ENTITY_TYPES] : typeParam.split(',').filter(isEntityType);
  const limit = parseCount(params.get('limit'), DEFAULT_LIMIT);
  const offset = parseCount(params.get('offset'), 0);
  if (limit === null || limit < 1 || limit > MAX_LIMIT) return { ok: false, detail: `limit must be an integer from 1 to ${MAX_LIMIT}` };
  if (offset === null) return { ok: false, detail: 'offset must be a non-negative integer' };
  const q = params.has('q') ? parseQ(params.get('q') ?? '') : { ok: true as const, terms: [] };
  if (!q.ok) return q;
  const geo = parseGeo(params);
  if (!geo.ok) return geo;
  const options = (params.get('options') ?? '').split(',');
  return {
    ok: true,
    query: {
      types,
      ids: idParam === null ? null : idParam.split(','),
      q: q.terms,
      geo: geo.filter,
      limit,
      offset,
      count: params.get('count') === 'true',
      keyValues: options.includes('keyValues') || options.includes('simplified'),
    },
  };
}

export function matchesQuery(e: EntityModel, query: EntityQuery): boolean {
  if (query.ids !== null && !query.ids.includes(e.id)) return false;
  if (query.q.length > 0 && !matchesQ(toKeyValues(e), query.q)) return false;
  if (query.geo !== null) {
    const loc = e.attrs['location'];
    if (loc?.kind !== 'GeoProperty' || !matchesGeo(loc.value, query.geo)) return false;
  }
  return true;
}
