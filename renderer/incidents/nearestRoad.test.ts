import { describe, expect, it } from 'vitest';
import type { RoadSegmentState } from '../../shared/domain';
import { nearestRoad } from './nearestRoad';

const seg = (name: string | null, path: [number, number][]): RoadSegmentState => ({ id: name ?? 'x', segmentId: null, name, path, speedKmh: 30, freeFlowKmh: 40, intensity: null, occupancy: null, congested: false, observedAt: 0 });

describe('nearestRoad', () => {
  it('names the closest named road and the distance to it', () => {
    const roads = [seg('Rat-U-Thit Road', [[98.29, 7.89], [98.31, 7.89]]), seg('Phra Barami Road', [[98.29, 7.9], [98.31, 7.9]]), seg(null, [[98.3, 7.8925], [98.31, 7.8925]])];
    const found = nearestRoad(roads, [98.3, 7.8915]);
    expect(found?.name).toBe('Rat-U-Thit Road');
    expect(found?.metres).toBeGreaterThan(150);
    expect(found?.metres).toBeLessThan(180);
    expect(nearestRoad([], [98.3, 7.9])).toBeNull();
  });
});
