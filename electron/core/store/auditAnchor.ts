import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from './canonicalJson';

// The audit chain's hashes show edits, but anyone with journal.db can recompute them all, or cut the tail.
// Two anchors outside journal.db stop that: a per-installation key (records carry HMAC(key, hash)) and a
// head checkpoint (seq + hash + HMAC) that the chain may grow past but never fall short of.

export const AUDIT_KEY_FILE = 'audit.key';
export const AUDIT_HEAD_FILE = 'audit.head';
const KEY_BYTES = 32;

/** Owner-only: the data folder holds what operators did and the key that vouches for it. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** The installation's audit key, created (32 random bytes, mode 0600) when `create` and missing. Null when missing and not created. */
export function loadAuditKey(dir: string, create: boolean): { key: Buffer; created: boolean } | null {
  const file = join(dir, AUDIT_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length !== KEY_BYTES) throw new Error(`${file} is ${key.length} bytes, not ${KEY_BYTES}: the audit key is damaged`);
    return { key, created: false };
  }
  if (!create) return null;
  const key = randomBytes(KEY_BYTES);
  writeDurably(file, key);
  return { key, created: true };
}

export function macOf(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

export function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export const Checkpoint = z.object({ seq: z.number().int().nonnegative(), hash: z.string().max(128), at: z.number().int().nonnegative(), mac: z.string().max(128) });
export type Checkpoint = z.infer<typeof Checkpoint>;
export type Head = { readonly seq: number; readonly hash: string };

const checkpointText = (head: Head): string => canonicalJson({ kind: 'audit-head', seq: head.seq, hash: head.hash });

export function signCheckpoint(key: Buffer, head: Head, at: number): Checkpoint {
  return { seq: head.seq, hash: head.hash, at, mac: macOf(key, checkpointText(head)) };
}

export function checkpointValid(key: Buffer, checkpoint: Checkpoint): boolean {
  return sameMac(checkpoint.mac, macOf(key, checkpointText(checkpoint)));
}

export type ReadCheckpoint = { kind: 'missing' } | { kind: 'unreadable'; reason: string } | { kind: 'ok'; checkpoint: Checkpoint };

export function readCheckpoint(dir: string): ReadCheckpoint {
  const file = join(dir, AUDIT_HEAD_FILE);
  if (!existsSync(file)) return { kind: 'missing' };
  try {
    const parsed = Checkpoint.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { kind: 'ok', checkpoint: parsed.data } : { kind: 'unreadable', reason: parsed.error.issues[0]?.message ?? 'invalid' };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Written beside, flushed, renamed over: a crash leaves the old checkpoint or the new one, never half of one. */
export function writeCheckpoint(dir: string, checkpoint: Checkpoint): void {
  writeDurably(join(dir, AUDIT_HEAD_FILE), Buffer.from(JSON.stringify(checkpoint)));
}

/** Leftovers of writes a crash interrupted. */
export function removeStaleTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) if (/^audit\.(head|key)\.[0-9a-f]+\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}

function writeDurably(file: string, content: Buffer): void {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, PRIVATE_FILE_MODE);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * What the console finds at open and records in the chain, so it cannot be erased by the next write's
 * checkpoint. `npm run audit:verify` reports these records as breaks (see journalOpen.ts).
 */
export const ANCHOR_ALARMS: Readonly<Record<string, string>> = {
  'anchor:chain-cut': 'the chain was shorter than its head checkpoint: records were cut from the tail',
  'anchor:chain-rewritten': "the chain did not match its head checkpoint's hash: it was rewritten",
  'anchor:checkpoint-missing': 'the head checkpoint (audit.head) was missing',
  'anchor:checkpoint-invalid': "the head checkpoint (audit.head) was unreadable or its HMAC did not match",
};

