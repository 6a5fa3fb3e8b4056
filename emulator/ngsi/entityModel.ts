/**
 * An entity in neutral form, rendered either as NGSI-LD normalized (typed attributes) or keyValues
 * (simplified). Building once and rendering twice keeps both representations in step.
 */
export type Geometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] };

export type Attr =
  | { kind: 'Property'; value: unknown; observedAt?: string }
  | { kind: 'GeoProperty'; value: Geometry; observedAt?: string }
  | { kind: 'Relationship'; object: string }
  /** A multi-attribute: several instances of one Property, each named by its datasetId. */
  | { kind: 'Multi'; instances: { value: unknown; datasetId: string }[] };

export interface EntityModel {
  id: string;
  type: string;
  attrs: Record<string, Attr>;
}

export const prop = (value: unknown, observedAt?: string): Attr =>
  observedAt === undefined ? { kind: 'Property', value } : { kind: 'Property', value, observedAt };
export const geo = (value: Geometry, observedAt?: string): Attr =>
  observedAt === undefined ? { kind: 'GeoProperty', value } : { kind: 'GeoProperty', value, observedAt };
export const rel = (object: string): Attr => ({ kind: 'Relationship', object });

export type Json = Record<string, unknown>;

export function toKeyValues(e: EntityModel): Json {
  const out: Json = { id: e.id, type: e.type };
  for (const [name, a] of Object.entries(e.attrs)) out[name] = a.kind === 'Relationship' ? a.object : a.kind === 'Multi' ? a.instances.map((i) => i.value) : a.value;
  return out;
}

export function toNormalized(e: EntityModel): Json {
  const out: Json = { id: e.id, type: e.type };
  for (const [name, a] of Object.entries(e.attrs)) {
    if (a.kind === 'Relationship') out[name] = { type: 'Relationship', object: a.object };
    else if (a.kind === 'Multi') out[name] = a.instances.map((i) => ({ type: 'Property', value: i.value, datasetId: i.datasetId }));
    else out[name] = a.observedAt === undefined ? { type: a.kind, value: a.value } : { type: a.kind, value: a.value, observedAt: a.observedAt };
  }
  return out;
}

export function render(e: EntityModel, keyValues: boolean, context: readonly string[] | null): Json {
  const body = keyValues ? toKeyValues(e) : toNormalized(e);
  return context === null ? body : { ...body, '@context': context };
}
