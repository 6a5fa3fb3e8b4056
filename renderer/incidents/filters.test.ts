import { describe, expect, it } from 'vitest';
import { incidentFixture, unitFixture } from '../../shared/domain/testing/fixtures';
import { countByStatus, filterQueue, NO_FILTER } from './filters';

const incidents = [
  incidentFixture({ id: 'urn:ngsi-ld:Alert:phuket:1', type: 'medical', severity: 'medium', status: 'new', district: 'Kathu', reportedAt: 10 }),
  incidentFixture({ id: 'urn:ngsi-ld:Alert:phuket:2', type: 'fire', severity: 'critical', status: 'dispatched', district: 'Thalang', reportedAt: 20, assignedUnitIds: ['f1'] }),
  incidentFixture({ id: 'urn:ngsi-ld:Alert:phuket:3', type: 'drowning', severity: 'critical', status: 'new', district: 'Kathu', reportedAt: 5, description: 'swimmer at Patong beach' }),
  incidentFixture({ id: 'urn:ngsi-ld:Alert:phuket:4', type: 'theft', severity: 'low', status: 'closed', district: 'Kathu', reportedAt: 1 }),
];
const units = new Map([['f1', unitFixture('f1', [98.3, 7.9], { agency: 'fire' })]]);
const ids = (list: { id: string }[]) => list.map((i) => i.id.slice(-1));

describe('the incident queue', () => {
  it('shows open incidents by priority, then oldest first', () => {
    expect(ids(filterQueue(incidents, NO_FILTER, units))).toEqual(['3', '2', '1']);
  });
  it('filters by type, status, district and agency', () => {
    expect(ids(filterQueue(incidents, { ...NO_FILTER, type: 'fire' }, units))).toEqual(['2']);
    expect(ids(filterQueue(incidents, { ...NO_FILTER, status: 'closed' }, units))).toEqual(['4']);
    expect(ids(filterQueue(incidents, { ...NO_FILTER, district: 'Thalang' }, units))).toEqual(['2']);
    expect(ids(filterQueue(incidents, { ...NO_FILTER, agency: 'marine-rescue' }, units))).toEqual(['3']);
  });
  it('searches ids, descriptions and translated labels', () => {
    expect(ids(filterQueue(incidents, { ...NO_FILTER, text: 'patong' }, units))).toEqual(['3']);
    expect(ids(filterQueue(incidents, { ...NO_FILTER, text: 'phuket:1' }, units))).toEqual(['1']);
    expect(ids(filterQueue(incidents, { ...NO_FILTER, text: 'จมน้ำ' }, units, (i) => (i.type === 'drowning' ? 'จมน้ำ' : '')))).toEqual(['3']);
  });
  it('counts per status', () => {
    expect(countByStatus(incidents)).toMatchObject({ new: 2, dispatched: 1, closed: 1, acknowledged: 0 });
  });
});
