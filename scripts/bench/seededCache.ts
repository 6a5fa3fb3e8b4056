import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedCache } from '../../test/support/seed-cache';

const seeded = new Map<number, Promise<string>>();

/**
 * A fresh copy of a data folder holding `count` cached observations: seeded once per run (through the emulator
 * and the live mappers), copied for each start, since a console writes into its folder.
 */
export async function seededDataDir(count: number): Promise<string> {
  let master = seeded.get(count);
  if (master === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-seed-'));
    master = seedCache(dir, count).then(() => dir);
    seeded.set(count, master);
  }
  const copy = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  cpSync(await master, copy, { recursive: true });
  return copy;
}

export const emptyDataDir = (): string => mkdtempSync(join(tmpdir(), 'bench-cold-empty-'));
