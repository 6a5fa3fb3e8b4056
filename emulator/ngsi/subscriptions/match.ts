import type { Change } from '../../notify/changes';
import { toKeyValuesJson, toNormalizedJson } from '../../notify/entity';
import { addSysAttrs } from '../../notify/sysTimes';
import { matchesQ, parseQ } from '../qFilter';
import type { Trigger } from './schema';
import type { SubscriptionSpec } from './store';

type Selector = NonNullable<SubscriptionSpec['entities']>[number];

/** Without notificationTrigger a subscription hears attribute creations and updates (CIM 009 §5.2.12). */
const DEFAULT_TRIGGERS: readonly Trigger[] = ['attributeCreated', 'attributeUpdated'];

function selectorMatches(sel: Selector, id: string, type: string): boolean {
  if (sel.type !== '*' && sel.type !== type) return false;
  if (sel.id !== undefined) return sel.id === id;
  return sel.idPattern === undefined || new RegExp(sel.idPattern).test(id);
}

function triggers(spec: SubscriptionSpec): Set<Trigger> {
  const set = new Set<Trigger>(spec.notificationTrigger ?? DEFAULT_TRIGGERS);
  if (set.has('entityUpdated')) for (const t of ['attributeCreated', 'attributeUpdated', 'attributeDeleted'] as const) set.add(t);
  return set;
}

/** The attributes of a change that this subscription's triggers listen to; null when the change does not trigger at all. */
function triggeringAttributes(spec: SubscriptionSpec, change: Change): readonly string[] | null {
  const on = triggers(spec);
  switch (change.kind) {
    case 'deleted':
      // Deletions are told only to those who ask for them; watchedAttributes do not apply to a vanished entity.
      return on.has('entityDeleted') ? null : [];
    case 'created':
      // A new entity's attributes are all newly created.
      return on.has('entityCreated') || on.has('attributeCreated') ? change.created : [];
    case 'updated':
      return [...(on.has('attributeCreated') ? change.created : []), ...(on.has('attributeUpdated') ? change.updated : []), ...(on.has('attributeDeleted') ? change.deleted : [])];
  }
}

/** Does this change concern the subscription? Pure: entities, triggers, watchedAttributes and q. */
export function changeMatches(spec: SubscriptionSpec, change: Change): boolean {
  const { id, type } = change.entity;
  if (spec.entities !== undefined && !spec.entities.some((sel) => selectorMatches(sel, id, type))) return false;
  const attrs = triggeringAttributes(spec, change);
  if (attrs !== null) {
    if (attrs.length === 0) return false;
    if (spec.watchedAttributes !== undefined && !attrs.some((a) => spec.watchedAttributes?.includes(a))) return false;
  }
  if (spec.q !== undefined) {
    const parsed = parseQ(spec.q);
    if (parsed.ok && !matchesQ(toKeyValuesJson(change.entity), parsed.terms)) return false;
  }
  return true;
}

/** One entity of a Notification's `data`, in the subscription's format and with its chosen attributes. */
export function renderChange(spec: SubscriptionSpec, change: Change, deletedAt: string): Record<string, unknown> {
  if (change.kind === 'deleted') return { id: change.entity.id, type: change.entity.type, deletedAt };
  const only = spec.notification.attributes;
  const normalized = spec.notification.format !== 'keyValues';
  const body = normalized ? toNormalizedJson(change.entity, only) : toKeyValuesJson(change.entity, only);
  const sys = change.entity.sys;
  return spec.notification.sysAttrs === true && sys !== undefined ? addSysAttrs(body, sys, normalized) : body;
}
