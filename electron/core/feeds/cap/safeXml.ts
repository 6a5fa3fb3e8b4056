import { XMLParser } from 'fast-xml-parser';

export interface XmlLimits {
  /** Bytes of a body, or characters of a string (a polled body is already bounded while it streams; this guards every other caller). */
  readonly maxSize: number;
  /** Element nesting: CAP needs 5 levels, an Atom index with CAP fields 4. */
  readonly maxDepth: number;
}

/** A CAP message is a few kilobytes; 1 MB holds four languages and polygons of thousands of points. Parsing is linear but not free (about 0.4 µs a character on a loaded 2-core machine). */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxSize: 1024 * 1024, maxDepth: 24 };

export type XmlResult = { readonly ok: true; readonly tree: unknown; readonly text: string } | { readonly ok: false; readonly reason: string };

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The five predefined entities and numeric character references, decoded in one linear pass. The parser
 * itself expands nothing (processEntities: false), so no declared entity can ever be expanded; an unknown
 * reference stays as written. The result is never longer than the input.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      // XML forbids NUL and surrogates as characters; anything out of range stays as written.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/**
 * Why a document is refused before any parsing, or null: a declaration (DOCTYPE/ENTITY: the door to XXE
 * and entity bombs), too many characters, or nesting deeper than the limit. One linear scan that never
 * recurses, so a 200 000-deep document is refused in milliseconds instead of overflowing a stack.
 */
export function refuseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): string | null {
  if (text.length > limits.maxSize) return `document of ${text.length} characters, over the ${limits.maxSize} allowed`;
  if (/<!DOCTYPE/i.test(text)) return 'document declares a DOCTYPE (refused: entity declarations are never processed)';
  if (/<!ENTITY/i.test(text)) return 'document declares an ENTITY (refused)';
  let depth = 0;
  let at = text.indexOf('<');
  while (at !== -1) {
    const next = text[at + 1];
    let end: number;
    if (next === '!') {
      const closer = text.startsWith('<!--', at) ? '-->' : text.startsWith('<![CDATA[', at) ? ']]>' : '>';
      end = text.indexOf(closer, at + 2);
      if (end === -1) return 'unterminated comment or CDATA section';
      end += closer.length - 1;
    } else if (next === '?') {
      end = text.indexOf('?>', at + 2);
      if (end === -1) return 'unterminated processing instruction';
      end += 1;
    } else {
      end = tagEnd(text, at + 1);
      if (end === -1) return 'unterminated tag';
      if (next === '/') depth -= 1;
      else if (text[end - 1] !== '/') depth += 1;
      if (depth > limits.maxDepth) return `elements nested deeper than ${limits.maxDepth}`;
    }
    at = text.indexOf('<', end + 1);
  }
  return null;
}

/** The `>` closing a tag, skipping quoted attribute values (which may hold `>`). */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** Elements that may repeat in CAP or Atom: always arrays, so one occurrence reads like many. */
const REPEATED = new Set(['info', 'area', 'polygon', 'circle', 'geocode', 'category', 'responseType', 'eventCode', 'parameter', 'resource', 'entry', 'link']);

function parserFor(limits: XmlLimits): XMLParser {
  return new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: limits.maxDepth,
    isArray: (name) => REPEATED.has(name),
    tagValueProcessor: (_name, value) => decodeXmlText(value),
    attributeValueProcessor: (_name, value) => decodeXmlText(value),
  });
}

/** Bytes as UTF-8 (a BOM dropped, bad bytes replaced), checked, then parsed; never throws. */
export function parseXmlSafely(body: Uint8Array | string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlResult {
  if (typeof body !== 'string' && body.byteLength > limits.maxSize) return { ok: false, reason: `document of ${body.byteLength} bytes, over the ${limits.maxSize} allowed` };
  const text = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
  const refused = refuseXml(text, limits);
  if (refused !== null) return { ok: false, reason: refused };
  try {
    return { ok: true, tree: parserFor(limits).parse(text), text };
  } catch (error) {
    return { ok: false, reason: `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200) };
  }
}
