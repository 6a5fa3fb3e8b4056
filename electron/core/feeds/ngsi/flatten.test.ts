import { describe, expect, it } from 'vitest';
import { flattenEntity } from './flatten';

const base = { id: 'urn:ngsi-ld:Vehicle:1', type: 'Vehicle' };
const attributes = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, { type: 'Property', value: i }]));

describe('flattening an entity', () => {
  it('takes 100 attributes besides id, type and @context, and refuses 101 with a reason', () => {
    expect(flattenEntity({ ...base, '@context': 'x', ...attributes(100) })).toMatchObject({ ok: true });
    expect(flattenEntity({ ...base, ...attributes(101) })).toEqual({ ok: false, reason: 'urn:ngsi-ld:Vehicle:1: more than 100 attributes' });
  });

  it('keeps an attribute named __proto__ an own attribute, and finds nothing for names Object.prototype has', () => {
    const hostile: unknown = JSON.parse('{"id": "urn:x", "type": "Alert", "__proto__": {"type": "Property", "value": {"polluted": true}, "observedAt": "2026-01-01T00:00:00Z"}}');
    const flat = flattenEntity(hostile);
    if (!flat.ok) throw new Error(flat.reason);
    expect(Object.keys(flat.value.attrs)).toEqual(['__proto__']);
    expect(Object.hasOwn(flat.value.attrs, '__proto__')).toBe(true);
    expect(flat.value.attrs['__proto__']).toEqual({ polluted: true });
    expect(flat.value.observedAt['__proto__']).toBe('2026-01-01T00:00:00Z');
    expect(flat.value.attrs['toString']).toBeUndefined();
    expect(flat.value.observedAt['constructor']).toBeUndefined();
  });

  it('reads values, observation times and multi-attribute instances, normalized or keyValues', () => {
    const flat = flattenEntity({
      ...base,
      speed: { type: 'Property', value: 30, observedAt: '2026-01-01T00:00:00Z' },
      station: 'North',
      notes: [{ type: 'Property', value: 'a', datasetId: 'urn:1' }, { type: 'Property', value: 'b' }],
    });
    expect(flat).toMatchObject({ ok: true, value: { attrs: { speed: 30, station: 'North', notes: 'b' }, observedAt: { speed: '2026-01-01T00:00:00Z' } } });
    expect(flat.ok && [...flat.value.instances]).toEqual([['notes', ['a', 'b']]]);
    const plain = flattenEntity({ ...base, speed: 30 });
    expect(plain.ok && plain.value.instances.size).toBe(0);
  });
});
