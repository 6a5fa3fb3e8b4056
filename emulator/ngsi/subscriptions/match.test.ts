import { describe, expect, it } from 'vitest';
import { ChangeTracker, mergeChanges } from '../../notify/changes';
import type { NgsiEntity } from '../../notify/entity';
import { changeMatches, renderChange } from './match';
import type { SubscriptionSpec } from './store';

const unit = (status: string, speed: number): NgsiEntity => ({
  id: 'urn:ngsi-ld:Vehicle:phuket:PKT-EMS-01',
  type: 'Vehicle',
  attrs: { unitStatus: { type: 'Property', value: status }, speed: { type: 'Property', value: speed }, station: { type: 'Property', value: 'Patong' } },
});
const spec = (over: Partial<SubscriptionSpec> = {}): SubscriptionSpec => ({ type: 'Subscription', entities: [{ type: 'Vehicle' }], notification: { endpoint: { uri: 'mqtt://h/t' } }, ...over });

describe('change tracking', () => {
  it('tells creations, attribute-level updates and deletions apart', () => {
    const t = new ChangeTracker();
    expect(t.observe('x', unit('available', 0))?.kind).toBe('created');
    expect(t.observe('x', unit('available', 0))).toBeNull();
    const next = unit('dispatched', 40);
    const attrs = { unitStatus: next.attrs['unitStatus'] ?? {}, speed: next.attrs['speed'] ?? {}, heading: { type: 'Property', value: 90 } };
    const updated = t.observe('x', { ...next, attrs });
    expect(updated).toMatchObject({ kind: 'updated', created: ['heading'], updated: ['unitStatus', 'speed'], deleted: ['station'] });
    expect(t.observe('x', null)?.kind).toBe('deleted');
    expect(t.observe('x', null)).toBeNull();
  });

  it('an entity tracked by existence only reports every attribute as updated on its next change', () => {
    const t = new ChangeTracker();
    t.touch('x', 'Vehicle', true);
    expect(t.observe('x', unit('available', 0))).toMatchObject({ kind: 'updated', updated: ['unitStatus', 'speed', 'station'] });
  });

  it('folds a creation followed by a deletion into nothing, and keeps the latest state otherwise', () => {
    const t = new ChangeTracker();
    const created = t.observe('x', unit('available', 0));
    const updated = t.observe('x', unit('dispatched', 0));
    const deleted = t.observe('x', null);
    if (created === null || updated === null || deleted === null) throw new Error('changes expected');
    expect(mergeChanges(created, updated)).toMatchObject({ kind: 'created', entity: { attrs: { unitStatus: { value: 'dispatched' } } } });
    expect(mergeChanges(created, deleted)).toBeNull();
    expect(mergeChanges(updated, deleted)?.kind).toBe('deleted');
  });
});

describe('subscription matching', () => {
  const t = new ChangeTracker();
  const created = t.observe('x', unit('available', 0));
  const moved = t.observe('x', unit('available', 30));
  const deleted = t.observe('x', null);
  if (created === null || moved === null || deleted === null) throw new Error('changes expected');

  it('default triggers hear creations and updates, not deletions', () => {
    expect([created, moved, deleted].map((c) => changeMatches(spec(), c))).toEqual([true, true, false]);
  });
  it('entityDeleted hears deletions whatever the watched attributes', () => {
    expect(changeMatches(spec({ notificationTrigger: ['entityDeleted'], watchedAttributes: ['unitStatus'] }), deleted)).toBe(true);
    expect(changeMatches(spec({ notificationTrigger: ['entityDeleted'] }), moved)).toBe(false);
  });
  it('watchedAttributes, entity selectors and q filter', () => {
    expect(changeMatches(spec({ watchedAttributes: ['unitStatus'] }), moved)).toBe(false);
    expect(changeMatches(spec({ watchedAttributes: ['speed'] }), moved)).toBe(true);
    expect(changeMatches(spec({ entities: [{ type: 'Alert' }] }), moved)).toBe(false);
    expect(changeMatches(spec({ entities: [{ type: 'Vehicle', idPattern: 'PKT-FIRE' }] }), moved)).toBe(false);
    expect(changeMatches(spec({ entities: [{ type: 'Vehicle', id: 'urn:ngsi-ld:Vehicle:phuket:PKT-EMS-01' }] }), moved)).toBe(true);
    expect(changeMatches(spec({ q: 'unitStatus=="dispatched"' }), moved)).toBe(false);
    expect(changeMatches(spec({ q: 'speed>10' }), moved)).toBe(true);
  });
  it('renders the chosen attributes in the chosen format; a deletion as id, type and deletedAt', () => {
    expect(renderChange(spec({ notification: { format: 'keyValues', attributes: ['speed'], endpoint: { uri: 'mqtt://h/t' } } }), moved, 'T')).toEqual({ id: 'urn:ngsi-ld:Vehicle:phuket:PKT-EMS-01', type: 'Vehicle', speed: 30 });
    expect(renderChange(spec(), moved, 'T')).toMatchObject({ speed: { type: 'Property', value: 30 } });
    expect(renderChange(spec(), deleted, '2025-03-04T00:00:00.000Z')).toEqual({ id: 'urn:ngsi-ld:Vehicle:phuket:PKT-EMS-01', type: 'Vehicle', deletedAt: '2025-03-04T00:00:00.000Z' });
  });
});
