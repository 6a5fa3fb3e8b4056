/**
 * The NGSI-LD `q` subset the console needs: `attr<op>value` terms joined by `;` (AND), with
 * ops == != > >= < <=, values "quoted", numbers, true/false, or comma lists for == / != (any of).
 * Dotted paths reach into structured values. Arrays match when any element does.
 */
export type Scalar = string | number | boolean;
export type Op = '==' | '!=' | '>' | '>=' | '<' | '<=';

export interface Term {
  readonly path: readonly string[];
  readonly op: Op;
  readonly values: readonly Scalar[];
}

const TERM = /^([A-Za-z_@][\w.@-]*)\s*(==|!=|>=|<=|>|<)\s*(.+)$/;

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function parseValue(raw: string): Scalar {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1);
  if (v === 'true') return true;
  if (v === 'false') return false;
  const n = Number(v);
  return v !== '' && Number.isFinite(n) ? n : v;
}

export function parseQ(q: string): { ok: true; terms: Term[] } | { ok: false; detail: string } {
  const terms: Term[] = [];
  for (const part of splitOutsideQuotes(q, ';')) {
    const m = TERM.exec(part.trim());
    const [, path, op, rawValue] = m ?? [];
    if (path === undefined || rawValue === undefined || !isOp(op)) return { ok: false, detail: `cannot parse q term "${part}"` };
    const values = splitOutsideQuotes(rawValue, ',').map(parseValue);
    if (values.length > 1 && op !== '==' && op !== '!=') return { ok: false, detail: `a value list needs == or != in "${part}"` };
    terms.push({ path: path.split('.'), op, values });
  }
  return { ok: true, terms };
}

function isOp(op: string | undefined): op is Op {
  return op === '==' || op === '!=' || op === '>' || op === '>=' || op === '<' || op === '<=';
}

function lookup(entity: unknown, path: readonly string[]): unknown {
  let cur = entity;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = Object.entries(cur).find(([k]) => k === key)?.[1];
  }
  return cur;
}

function compare(actual: unknown, op: Op, expected: Scalar): boolean {
  if (op === '==') return actual === expected;
  if (op === '!=') return actual !== expected;
  if (typeof actual !== typeof expected || (typeof actual !== 'number' && typeof actual !== 'string')) return false;
  const a = actual;
  if (op === '>') return a > expected;
  if (op === '>=') return a >= expected;
  if (op === '<') return a < expected;
  return a <= expected;
}

function termMatches(entity: unknown, term: Term): boolean {
  const actual = lookup(entity, term.path);
  if (actual === undefined) return false;
  const candidates: unknown[] = Array.isArray(actual) ? actual : [actual];
  if (term.op === '!=') return !candidates.some((c) => term.values.some((v) => c === v));
  return candidates.some((c) => term.values.some((v) => compare(c, term.op, v)));
}

/** `entity` is the keyValues form, where Relationship values are the target id. */
export const matchesQ = (entity: unknown, terms: readonly Term[]): boolean => terms.every((t) => termMatches(entity, t));
