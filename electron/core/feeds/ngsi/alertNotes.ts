import { z } from 'zod';
import { IncidentNote } from '../../../../shared/domain';

/** A note as the wire carries it: its time as epoch ms or ISO text. */
export const WireNote = IncidentNote.extend({ at: z.union([z.number().int().nonnegative(), z.string().max(64)]) });
export type WireNote = z.infer<typeof WireNote>;

const MAX_NOTES = 500;
/** Bounds the work on a hostile value before any note is validated. */
const MAX_CANDIDATES = 2_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const looksLikeNote = (value: Record<string, unknown>): boolean => Object.hasOwn(value, 'id') && Object.hasOwn(value, 'text');

/**
 * Every note in whatever shape the platform sent: today's single array value; an NGSI-LD multi-attribute
 * (one instance per note, each with its own datasetId, given here as the instances' values); or keyValues
 * as an array of values or a `{datasetId: value}` map. A value may itself be one note or an array of notes.
 */
function candidates(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (out.length >= MAX_CANDIDATES) return;
    if (Array.isArray(value) && depth < 2) for (const v of value.slice(0, MAX_CANDIDATES)) visit(v, depth + 1);
    else if (isRecord(value) && !looksLikeNote(value) && depth < 2) for (const v of Object.values(value).slice(0, MAX_CANDIDATES)) visit(v, depth + 1);
    else out.push(value);
  };
  for (const value of values) visit(value, 0);
  return out;
}

/**
 * The notes of an Alert, validated and deduplicated by id (a note delivered both in the old array and as
 * its own instance is one note; the first seen is kept). A reason instead when one is malformed.
 */
export function readNotes(values: readonly unknown[]): { ok: true; notes: WireNote[] } | { ok: false; reason: string } {
  const parsed = z.array(WireNote).max(MAX_CANDIDATES).safeParse(candidates(values));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `notes${issue?.path.length ? `.${issue.path.join('.')}` : ''} ${issue?.message ?? 'invalid'}` };
  }
  const byId = new Map<string, WireNote>();
  for (const note of parsed.data) if (!byId.has(note.id)) byId.set(note.id, note);
  if (byId.size > MAX_NOTES) return { ok: false, reason: `notes: more than ${MAX_NOTES}` };
  return { ok: true, notes: [...byId.values()] };
}
