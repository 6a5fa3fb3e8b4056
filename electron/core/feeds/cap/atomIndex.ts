import { DEFAULT_XML_LIMITS, parseXmlSafely } from './safeXml';
import type { XmlLimits } from './safeXml';
import type { XmlNode } from './xmlTree';
import { attribute, node, nodes, text } from './xmlTree';

/** One entry of a CAP Atom index: where its message is, and its version (a changed `updated` is fetched again). */
export interface IndexEntry {
  readonly url: string;
  readonly updated: string;
}

export type IndexParse =
  | { readonly ok: true; readonly entries: readonly IndexEntry[]; readonly rejected: readonly string[]; readonly adjusted: readonly string[] }
  | { readonly ok: false; readonly reason: string };

export const MAX_ENTRIES = 500;

/**
 * The entries of an Atom index of CAP messages (the way NWS, MeteoAlarm and most national publishers list
 * them). A link is resolved against the index, and followed only to the index's own origin or one allowed:
 * the index must not be able to send the console to any other address (a local service, a file).
 */
export function parseCapIndex(body: Uint8Array, indexUrl: string, allowedOrigins: readonly string[] = [], limits: XmlLimits = DEFAULT_XML_LIMITS): IndexParse {
  const xml = parseXmlSafely(body, limits);
  if (!xml.ok) return xml;
  const feed = node(node(xml.tree)?.feed);
  if (feed === null) return { ok: false, reason: 'not an Atom feed (no <feed> element)' };
  const origins = new Set([originOf(indexUrl), ...allowedOrigins.map(originOf)]);
  const all = nodes(feed.entry);
  const adjusted = all.length > MAX_ENTRIES ? [`CAP index lists ${all.length} entries; the first ${MAX_ENTRIES} are read`] : [];
  const rejected: string[] = [];
  const entries: IndexEntry[] = [];
  const seen = new Set<string>();
  for (const entry of all.slice(0, MAX_ENTRIES)) {
    const href = linkOf(entry);
    const url = href === null ? null : resolve(href, indexUrl);
    if (url === null) {
      rejected.push(`CAP index entry ${(text(entry.id) ?? '?').slice(0, 120)}: no usable link`);
      continue;
    }
    if (!origins.has(originOf(url))) {
      rejected.push(`CAP index entry links to ${originOf(url).slice(0, 120)}, not an allowed origin`);
      continue;
    }
    // The same message listed twice is fetched and counted once.
    if (seen.has(url)) continue;
    seen.add(url);
    entries.push({ url, updated: text(entry.updated) ?? text(entry.published) ?? '' });
  }
  return { ok: true, entries, rejected, adjusted };
}

/** The link to the CAP message: one typed as CAP or XML, else the alternate (rel absent means alternate), else the first. */
function linkOf(entry: XmlNode): string | null {
  const links = nodes(entry.link);
  const typed = links.find((l) => /cap|xml/i.test(attribute(l, 'type') ?? ''));
  const alternate = links.find((l) => (attribute(l, 'rel') ?? 'alternate') === 'alternate');
  const chosen = typed ?? alternate ?? links[0];
  return chosen === undefined ? null : attribute(chosen, 'href');
}

function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
