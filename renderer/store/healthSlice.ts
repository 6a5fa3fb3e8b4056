import type { StateCreator } from 'zustand';
import type { FeedHealthReport } from '../../shared/contract';

export interface HealthSlice {
  health: FeedHealthReport | null;
  setHealth(report: FeedHealthReport): void;
}

export const createHealthSlice: StateCreator<HealthSlice, [], [], HealthSlice> = (set) => ({
  health: null,
  setHealth: (health) => set({ health }),
});
