import { describe, expect, it } from 'vitest';
import type { CitizenReport } from '../../shared/domain';
import { draftFromReport } from './fromReport';

const report = (over: Partial<CitizenReport>): CitizenReport => ({
  id: 'r1',
  category: 'flooding',
  categoryText: null,
  description: 'น้ำท่วมถนน ลึกประมาณ 40 ซม.',
  position: [98.3923, 7.8804],
  address: 'ถนนเทพกระษัตรี',
  photoUrl: null,
  status: 'waiting',
  agency: null,
  incidentId: null,
  reportedAt: 1,
  observedAt: 1,
  ...over,
});

describe('a citizen report promoted to an incident', () => {
  it('brings its place, its words and a likely type into the form', () => {
    expect(draftFromReport(report({}))).toEqual({ type: 'flood', position: [98.3923, 7.8804], description: 'น้ำท่วมถนน ลึกประมาณ 40 ซม. · ถนนเทพกระษัตรี' });
  });

  it('leaves the type to the call-taker when the category says nothing about it', () => {
    expect(draftFromReport(report({ category: 'waste', address: null, description: ' overflowing bins ' }))).toEqual({ type: null, position: [98.3923, 7.8804], description: 'overflowing bins' });
  });
});
