import { describe, expect, it } from 'vitest';
import { matchesQ, parseQ } from './qFilter';

const terms = (q: string) => {
  const parsed = parseQ(q);
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.terms;
};

describe('q filter', () => {
  const alert = { status: 'new', severity: 'high', assignedUnits: ['u1', 'u2'], speed: 42, note: { lang: 'th' }, text: 'a;b' };

  it('matches ==, !=, ordering, AND, value lists, arrays and dotted paths', () => {
    expect(matchesQ(alert, terms('status=="new"'))).toBe(true);
    expect(matchesQ(alert, terms('status=="new";severity=="low"'))).toBe(false);
    expect(matchesQ(alert, terms('severity=="low","high"'))).toBe(true);
    expect(matchesQ(alert, terms('status!="closed","resolved"'))).toBe(true);
    expect(matchesQ(alert, terms('assignedUnits=="u2"'))).toBe(true);
    expect(matchesQ(alert, terms('speed>40;speed<=42'))).toBe(true);
    expect(matchesQ(alert, terms('speed>=43'))).toBe(false);
    expect(matchesQ(alert, terms('note.lang=="th"'))).toBe(true);
    expect(matchesQ(alert, terms('text=="a;b"'))).toBe(true);
    expect(matchesQ(alert, terms('missing=="x"'))).toBe(false);
  });

  it('refuses what it cannot parse', () => {
    expect(parseQ('status').ok).toBe(false);
    expect(parseQ('speed>1,2').ok).toBe(false);
  });
});
