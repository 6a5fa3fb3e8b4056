import { describe, expect, it } from 'vitest';
import type { FeedHealthReport } from '../../shared/contract';
import { createEventHub } from './events';
import { faultSummary } from './processGuards';

const report: FeedHealthReport = { at: 1, link: { state: 'up', since: 0 }, platform: 'test', feeds: [] };

describe('EventHub', () => {
  it('isolates listeners: one that throws neither stops the others nor the emitter, and is counted', () => {
    const hub = createEventHub();
    const seen: string[] = [];
    hub.subscribe(() => seen.push('first'));
    hub.subscribe(() => {
      throw new Error('a broken window');
    });
    hub.subscribe(() => seen.push('third'));
    const before = faultSummary().faults;
    expect(() => hub.emit('feed:health-changed', report)).not.toThrow();
    expect(seen).toEqual(['first', 'third']);
    expect(faultSummary().faults).toBe(before + 1);
    expect(faultSummary().lastFault?.reason).toMatch(/listener of feed:health-changed: Error: a broken window/);
    hub.emit('feed:health-changed', report);
    expect(seen).toEqual(['first', 'third', 'first', 'third']);
  });

  it('drops, logs and counts a payload that fails its schema instead of throwing', () => {
    const hub = createEventHub();
    const seen: unknown[] = [];
    hub.subscribe((_channel, payload) => seen.push(payload));
    // A malformed payload as an untyped caller would produce it: a function where an enum belongs.
    const bad: unknown = { ...report, link: { state: Object.prototype.toString, since: 0 } };
    const before = faultSummary().faults;
    // Reflect.apply: past the types, as a payload built from outside data would arrive.
    expect(() => Reflect.apply(hub.emit, hub, ['feed:health-changed', { ...report, at: -1 }])).not.toThrow();
    expect(() => Reflect.apply(hub.emit, hub, ['feed:health-changed', bad])).not.toThrow();
    expect(seen).toEqual([]);
    expect(hub.dropped()).toBe(2);
    expect(faultSummary().faults).toBe(before + 2);
    hub.emit('feed:health-changed', report);
    expect(seen).toHaveLength(1);
  });
});
