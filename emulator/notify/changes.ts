import type { NgsiEntity } from './entity';

export type ChangeKind = 'created' | 'updated' | 'deleted';

/** One entity's change since it was last seen, attribute by attribute. */
export interface Change {
  readonly kind: ChangeKind;
  /** The entity now, or as last seen for a deletion. */
  readonly entity: NgsiEntity;
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly deleted: readonly string[];
}

interface Known {
  readonly entity: NgsiEntity;
  /** Null when only the entity's existence is tracked (nobody was interested in its attributes). */
  readonly attrJson: ReadonlyMap<string, string> | null;
}

const fingerprint = (e: NgsiEntity): Map<string, string> => new Map(Object.entries(e.attrs).map(([name, attr]) => [name, JSON.stringify(attr)]));

/**
 * Remembers the last state of every entity so a change can be told apart as a creation, an update (and
 * which attributes were created, updated or deleted) or a deletion: what notificationTrigger and
 * watchedAttributes are about. The city only says *which* ids changed.
 */
export class ChangeTracker {
  private readonly known = new Map<string, Known>();

  /** Records a baseline without producing a change (entities that exist at start). */
  seed(entity: NgsiEntity): void {
    this.known.set(entity.id, { entity, attrJson: fingerprint(entity) });
  }

  /**
   * Tracks only that the entity exists (or, with exists false, that it is gone), dropping its attribute
   * state: cheap, for entities no subscription is interested in. Its next observed change then reports every
   * attribute as updated.
   */
  touch(id: string, type: string, exists: boolean): void {
    if (!exists) this.known.delete(id);
    else if (this.known.get(id)?.attrJson !== null) this.known.set(id, { entity: { id, type, attrs: {} }, attrJson: null });
  }

  typeOf(id: string): string | null {
    return this.known.get(id)?.entity.type ?? null;
  }

  /** Compares the entity now (null: gone) with the last state seen; null when nothing changed. */
  observe(id: string, now: NgsiEntity | null): Change | null {
    const before = this.known.get(id);
    if (now === null) {
      if (before === undefined) return null;
      this.known.delete(id);
      return { kind: 'deleted', entity: before.entity, created: [], updated: [], deleted: Object.keys(before.entity.attrs) };
    }
    const attrJson = fingerprint(now);
    this.known.set(id, { entity: now, attrJson });
    if (before === undefined) return { kind: 'created', entity: now, created: [...attrJson.keys()], updated: [], deleted: [] };
    if (before.attrJson === null) return { kind: 'updated', entity: now, created: [], updated: [...attrJson.keys()], deleted: [] };
    const created: string[] = [];
    const updated: string[] = [];
    for (const [name, json] of attrJson) {
      const old = before.attrJson.get(name);
      if (old === undefined) created.push(name);
      else if (old !== json) updated.push(name);
    }
    const deleted = [...before.attrJson.keys()].filter((name) => !attrJson.has(name));
    if (created.length + updated.length + deleted.length === 0) return null;
    return { kind: 'updated', entity: now, created, updated, deleted };
  }
}

/** Folds a later change of the same entity into an earlier pending one (throttled or stalled delivery). */
export function mergeChanges(earlier: Change, later: Change): Change | null {
  if (later.kind === 'deleted') return earlier.kind === 'created' ? null : later;
  const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  return {
    kind: earlier.kind === 'created' ? 'created' : later.kind,
    entity: later.entity,
    created: union(earlier.created, later.created),
    updated: union(earlier.updated, later.updated),
    deleted: union(earlier.deleted, later.deleted),
  };
}
