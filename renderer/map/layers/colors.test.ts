import { describe, expect, it } from 'vitest';
import { TRAFFIC_BANDS, TRAFFIC_UNKNOWN, trafficBand, trafficColor } from './colors';

describe('traffic colours', () => {
  it('band by share of free-flow speed', () => {
    expect(trafficBand(55, 60, false)).toBe(0);
    expect(trafficBand(36, 60, false)).toBe(1);
    expect(trafficBand(20, 60, false)).toBe(2);
    expect(trafficBand(5, 60, false)).toBe(3);
  });
  it('make a congested segment at least slow, never better', () => {
    expect(trafficBand(55, 60, true)).toBe(2);
    expect(trafficBand(5, 60, true)).toBe(3);
  });
  it('grey a segment without a free-flow reference unless it is congested', () => {
    expect(trafficColor(30, null, false)).toEqual(TRAFFIC_UNKNOWN);
    expect(trafficColor(30, null, true)).toEqual(TRAFFIC_BANDS[2]?.color);
  });
});
