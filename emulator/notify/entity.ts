import type { EntityModel } from '../ngsi/entityModel';
import { toNormalized } from '../ngsi/entityModel';
import { isRecord } from '../ngsi/flatten';
import type { SysTimes } from './sysTimes';

/**
 * Any NGSI-LD entity in normalized form: the city's own (rendered from its model) and the generic ones
 * clients POST. Subscriptions match and render this one shape.
 */
export interface NgsiEntity {
  readonly id: string;
  readonly type: string;
  /** Attribute name → normalized attribute ({type: Property|GeoProperty|Relationship|LanguageProperty, …}). */
  readonly attrs: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** createdAt / modifiedAt, when the entity was stamped (notify/sysTimes.ts). */
  readonly sys?: SysTimes;
}

export function fromModel(model: EntityModel): NgsiEntity {
  const attrs: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(toNormalized(model))) if (name !== 'id' && name !== 'type' && isRecord(value)) attrs[name] = value;
  return { id: model.id, type: model.type, attrs };
}

function simpleValue(attr: Readonly<Record<string, unknown>>): unknown {
  switch (attr['type']) {
    case 'Relationship':
      return attr['object'];
    case 'LanguageProperty':
      return attr['languageMap'];
    default:
      return attr['value'];
  }
}

/** keyValues (simplified) representation. */
export function toKeyValuesJson(e: NgsiEntity, only?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, type: e.type };
  for (const [name, attr] of Object.entries(e.attrs)) if (only === undefined || only.includes(name)) out[name] = simpleValue(attr);
  return out;
}

export function toNormalizedJson(e: NgsiEntity, only?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, type: e.type };
  for (const [name, attr] of Object.entries(e.attrs)) if (only === undefined || only.includes(name)) out[name] = { ...attr };
  return out;
}
