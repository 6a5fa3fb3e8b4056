import { isRecord } from '../ngsi/flatten';
import type { Change } from './changes';
import type { NgsiEntity } from './entity';

/** NGSI-LD system attributes (CIM 009 §4.8): when an entity and each of its attributes were created and last modified. */
export interface SysTimes {
  readonly createdAt: string;
  readonly modifiedAt: string;
  readonly attrs: Readonly<Record<string, { readonly createdAt: string; readonly modifiedAt: string }>>;
}

interface Known {
  readonly createdAt: number;
  modifiedAt: number;
  readonly attrs: Map<string, { readonly createdAt: number; modifiedAt: number; json: string }>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Keeps createdAt / modifiedAt on the wall clock (a broker's own clock) by comparing each entity with how it
 * was last seen. The city does not log when it changes an entity, so an entity is stamped when the
 * emulator looks at it: every tick for types a subscription follows, otherwise when a client reads it with
 * sysAttrs. The times are then never earlier than the change, and a listing and a notification of the same
 * state carry the same modifiedAt: what a client ordering them by modifiedAt relies on.
 */
export class SysClock {
  private readonly known = new Map<string, Known>();

  constructor(private readonly now: () => number) {}

  stamp(entity: NgsiEntity): SysTimes {
    const now = this.now();
    const known: Known = this.known.get(entity.id) ?? { createdAt: now, modifiedAt: now, attrs: new Map() };
    this.known.set(entity.id, known);
    let changed = false;
    for (const [name, attr] of Object.entries(entity.attrs)) {
      const json = JSON.stringify(attr);
      const before = known.attrs.get(name);
      if (before !== undefined && before.json === json) continue;
      if (before === undefined) known.attrs.set(name, { createdAt: now, modifiedAt: now, json });
      else Object.assign(before, { modifiedAt: now, json });
      changed = true;
    }
    for (const name of known.attrs.keys()) {
      if (!(name in entity.attrs)) {
        known.attrs.delete(name);
        changed = true;
      }
    }
    if (changed) known.modifiedAt = now;
    const attrs: Record<string, { createdAt: string; modifiedAt: string }> = {};
    for (const [name, a] of known.attrs) attrs[name] = { createdAt: iso(a.createdAt), modifiedAt: iso(a.modifiedAt) };
    return { createdAt: iso(known.createdAt), modifiedAt: iso(known.modifiedAt), attrs };
  }

  /** The changes with their entities stamped; a deletion ends the entity's times. */
  stampChanges(changes: readonly Change[]): Change[] {
    return changes.map((c) => {
      if (c.kind !== 'deleted') return { ...c, entity: { ...c.entity, sys: this.stamp(c.entity) } };
      this.known.delete(c.entity.id);
      return c;
    });
  }
}

/** `options=sysAttrs` on a rendered entity: entity-level times always, per attribute only in the normalized form. */
export function addSysAttrs(body: Readonly<Record<string, unknown>>, sys: SysTimes, normalized: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body, createdAt: sys.createdAt, modifiedAt: sys.modifiedAt };
  if (!normalized) return out;
  for (const [name, times] of Object.entries(sys.attrs)) {
    const attr = out[name];
    if (isRecord(attr)) out[name] = { ...attr, ...times };
  }
  return out;
}
