import { z } from 'zod';

/** Reading the parser's tree without trusting its shape: every accessor takes unknown and answers a plain value. */
export type XmlNode = Record<string, unknown>;

const NodeSchema = z.record(z.string(), z.unknown());
const WithText = z.object({ '#text': z.union([z.string(), z.number()]) });

/** The element as an object (children and attributes), or null for text, arrays of one element taken as it. */
export function node(value: unknown): XmlNode | null {
  const first = Array.isArray(value) ? value[0] : value;
  const parsed = NodeSchema.safeParse(first);
  return parsed.success ? parsed.data : null;
}

/** Every occurrence of a repeatable element, as objects. */
export function nodes(value: unknown): XmlNode[] {
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: XmlNode[] = [];
  for (const item of list) {
    const parsed = NodeSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** An element's text (an element with attributes keeps it under #text); the first when it repeats; null when absent or empty. */
export function text(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() === '' ? null : first.trim();
  if (typeof first === 'number') return String(first);
  const withText = WithText.safeParse(first);
  return withText.success ? text(withText.data['#text']) : null;
}

/** The text of every occurrence of a repeatable element. */
export function texts(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    const t = text(item);
    if (t !== null) out.push(t);
  }
  return out;
}

/** An attribute's value. */
export const attribute = (element: XmlNode, name: string): string | null => text(element[`@_${name}`]);
