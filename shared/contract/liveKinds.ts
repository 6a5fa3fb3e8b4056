import { FEED_KINDS } from '../domain';
import type { FeedId, FeedKindSpec, ItemOf, LiveKind } from '../domain';
import type { z } from 'zod';
import type { LiveChanges, LiveSnapshot } from './live';

/** One feed's list in a snapshot, with its registry entry: what code that works across feeds is handed. */
export interface KindView<T extends { id: string }> {
  readonly feed: FeedId;
  readonly key: LiveKind;
  readonly items: T[];
  readonly spec: FeedKindSpec<z.ZodType<T>>;
}

/**
 * The one place that pairs each feed with its name in the snapshot. Everything else iterates the registry
 * through these; a feed kind missing here does not compile. `fn` is generic in the item, so what it does
 * holds for every kind and stays typed by each.
 */
export function mapSnapshot(snapshot: LiveSnapshot, fn: <T extends { id: string }>(view: KindView<T>) => T[]): LiveSnapshot {
  return {
    segments: fn({ feed: 'traffic', key: 'segments', items: snapshot.segments, spec: FEED_KINDS.traffic }),
    units: fn({ feed: 'units', key: 'units', items: snapshot.units, spec: FEED_KINDS.units }),
    incidents: fn({ feed: 'incidents', key: 'incidents', items: snapshot.incidents, spec: FEED_KINDS.incidents }),
    warnings: fn({ feed: 'warnings', key: 'warnings', items: snapshot.warnings, spec: FEED_KINDS.warnings }),
    buses: fn({ feed: 'buses', key: 'buses', items: snapshot.buses, spec: FEED_KINDS.buses }),
    reports: fn({ feed: 'reports', key: 'reports', items: snapshot.reports, spec: FEED_KINDS.reports }),
  };
}

/** A snapshot built by asking for each feed's items. */
export function buildSnapshot(list: <F extends FeedId>(feed: F) => ItemOf<F>[]): LiveSnapshot {
  return { segments: list('traffic'), units: list('units'), incidents: list('incidents'), warnings: list('warnings'), buses: list('buses'), reports: list('reports') };
}

export function buildRemoved(ids: (feed: FeedId) => string[]): LiveChanges['removed'] {
  return { segments: ids('traffic'), units: ids('units'), incidents: ids('incidents'), warnings: ids('warnings'), buses: ids('buses'), reports: ids('reports') };
}

export function removedOf(changes: LiveChanges): Record<FeedId, string[]> {
  const r = changes.removed;
  return { traffic: r.segments, units: r.units, incidents: r.incidents, warnings: r.warnings, buses: r.buses, reports: r.reports };
}

/** How many items each feed has in a snapshot or batch. */
export function countsOf(snapshot: LiveSnapshot): Record<FeedId, number> {
  return { traffic: snapshot.segments.length, units: snapshot.units.length, incidents: snapshot.incidents.length, warnings: snapshot.warnings.length, buses: snapshot.buses.length, reports: snapshot.reports.length };
}

export const emptySnapshot = (): LiveSnapshot => buildSnapshot(() => []);
export const emptyChanges = (): LiveChanges => ({ ...emptySnapshot(), removed: buildRemoved(() => []) });
