import { describe, expect, it } from 'vitest';
import type { Incident, OperatorAction } from '../../../shared/domain';
import { incidentFixture } from '../../../shared/domain/testing/fixtures';
import { applyActionLocally } from './localApply';

const actor = { name: 'Somchai', role: 'supervisor', workstation: 'CC-01' } as const;
const incident: Incident = incidentFixture({
  type: 'traffic-accident',
  category: 'traffic',
  subCategory: 'carAccident',
  status: 'new',
  description: 'motorbike down',
  district: 'Kathu',
  reporterLanguage: 'en',
  reportedAt: 1,
  updatedAt: 1,
});

describe('applyActionLocally', () => {
  it('follows the lifecycle: acknowledge, dispatch, on scene, resolve, close', () => {
    let current = incident;
    const steps: [OperatorAction, Incident['status']][] = [
      [{ kind: 'acknowledge', incidentId: incident.id }, 'acknowledged'],
      [{ kind: 'dispatch', incidentId: incident.id, unitIds: ['u1'] }, 'dispatched'],
      [{ kind: 'status', incidentId: incident.id, status: 'on-scene' }, 'on-scene'],
      [{ kind: 'status', incidentId: incident.id, status: 'resolved' }, 'resolved'],
      [{ kind: 'status', incidentId: incident.id, status: 'closed' }, 'closed'],
    ];
    for (const [action, status] of steps) {
      const next = applyActionLocally(current, action, actor, 100);
      if (!next.ok) throw new Error(next.reason);
      expect(next.value.status).toBe(status);
      current = next.value;
    }
    expect(current.assignedUnitIds).toEqual(['u1']);
    expect(current.updatedAt).toBe(incident.updatedAt);
  });

  it('refuses what the platform would refuse, with the reason', () => {
    expect(applyActionLocally(incident, { kind: 'status', incidentId: incident.id, status: 'closed' }, actor, 5)).toEqual({
      ok: false,
      reason: 'incident is new; it cannot move to closed (allowed: acknowledged)',
      coded: { code: 'lifecycle-move', params: { from: 'new', to: 'closed', allowed: 'acknowledged' } },
    });
    expect(applyActionLocally(incident, { kind: 'dispatch', incidentId: incident.id, unitIds: ['u1'] }, actor, 5).ok).toBe(false);
    expect(applyActionLocally({ ...incident, status: 'closed' }, { kind: 'note', incidentId: incident.id, noteId: 'n', text: 'x' }, actor, 5)).toMatchObject({ ok: false });
  });

  it('adds a note once, by its id, signed by the operator', () => {
    const action = { kind: 'note', incidentId: incident.id, noteId: 'n1', text: 'caller speaks Russian' } as const;
    const once = applyActionLocally(incident, action, actor, 7);
    if (!once.ok) throw new Error(once.reason);
    expect(once.value.notes).toEqual([{ id: 'n1', text: 'caller speaks Russian', author: 'Somchai', at: 7 }]);
    const twice = applyActionLocally(once.value, action, actor, 8);
    expect(twice.ok && twice.value.notes).toHaveLength(1);
  });
});
