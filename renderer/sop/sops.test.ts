import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../shared/contract';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { checkedItems, Sop, SopIndex, sopsFor } from './sops';

// Every shipped file, read as text at build time: the index must name exactly these.
const files = import.meta.glob<string>('../../assets/sops/*.json', { query: '?raw', import: 'default', eager: true });
const text = (name: string) => files[`../../assets/sops/${name}`] ?? '';
const index = SopIndex.parse(JSON.parse(text('index.json')));
const shipped = index.files.map((f) => Sop.parse(JSON.parse(text(f))));

describe('standard operating procedures', () => {
  it('ships drowning, traffic accident, fire, tsunami and mass casualty, each in Thai and English', () => {
    expect(Object.keys(files).length).toBe(index.files.length + 1);
    expect(shipped.map((s) => s.id).sort()).toEqual(['drowning', 'fire', 'mass-casualty', 'traffic-accident', 'tsunami']);
    for (const sop of shipped) for (const item of sop.items) expect(item.text.th).toMatch(/[\u0E00-\u0E7F]/);
  });
  it('picks the procedures for an incident by type, sub-category and severity', () => {
    expect(sopsFor(incidentFixture({ type: 'drowning', severity: 'high' }), shipped).map((s) => s.id)).toEqual(['drowning']);
    expect(sopsFor(incidentFixture({ type: 'fire', severity: 'critical' }), shipped).map((s) => s.id)).toEqual(['fire', 'mass-casualty']);
    expect(sopsFor(incidentFixture({ type: 'other', subCategory: 'tsunami', severity: 'high' }), shipped).map((s) => s.id)).toEqual(['tsunami']);
  });
  it('reads which items are checked from the timeline, the last word winning', () => {
    const sop = (item: string, to: string, at: number): TimelineEvent => ({ at, kind: 'sop', actor: 'Niran', from: null, to, text: null, origin: 'console', params: { sop: 'fire', item, version: '1', actionId: `${at}` } });
    expect([...checkedItems([sop('what', 'checked', 1), sop('people', 'checked', 2), sop('what', 'unchecked', 3)], 'fire')]).toEqual(['people']);
  });
});
