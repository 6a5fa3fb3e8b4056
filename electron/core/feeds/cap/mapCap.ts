import { Warning, WarningSeverity, WarningStatus } from '../../../../shared/domain';
import type { WarningArea, WarningText } from '../../../../shared/domain';
import { parseCapCircle, parseCapPolygon, parseCapTime, referencedKeys, splitReferences } from './capValues';
import { DEFAULT_XML_LIMITS, parseXmlSafely } from './safeXml';
import type { XmlLimits } from './safeXml';
import type { XmlNode } from './xmlTree';
import { node, nodes, text, texts } from './xmlTree';

const NAMESPACES = ['urn:oasis:names:tc:emergency:cap:1.2', 'urn:oasis:names:tc:emergency:cap:1.1'];
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
type MsgType = (typeof MSG_TYPES)[number];
const SCOPES = ['Public', 'Restricted', 'Private'] as const;
const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
const MAX_TEXTS = 4;

/** One CAP message as the active set needs it: its key, what it replaces, and the warning it shows (Alert and Update only). */
export interface CapMessage {
  /** CAP `sender,identifier`: the warning's id and what `references` name. */
  readonly key: string;
  readonly msgType: MsgType;
  readonly status: WarningStatus;
  readonly sentAt: number;
  /** The sender,identifier keys this message updates or cancels. */
  readonly replaces: readonly string[];
  readonly warning: Warning | null;
}

export type CapParse = { readonly ok: true; readonly message: CapMessage; readonly adjusted: readonly string[] } | { readonly ok: false; readonly reason: string };

/** A CAP 1.2 or 1.1 message, from bytes to a validated warning or a reason; never throws. */
export function parseCapMessage(body: Uint8Array | string, receivedAt: number, limits: XmlLimits = DEFAULT_XML_LIMITS): CapParse {
  const xml = parseXmlSafely(body, limits);
  if (!xml.ok) return xml;
  // The parser drops namespace declarations with their prefixes, so the version is read from the text it was given.
  if (!NAMESPACES.some((ns) => xml.text.includes(ns))) return { ok: false, reason: 'not a CAP 1.2 or 1.1 message (no CAP namespace)' };
  return mapCapAlert(xml.tree, receivedAt);
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => values.find((v) => v === value) ?? null;
const clip = (value: string | null, max: number): string | null => (value === null ? null : value.slice(0, max));

/** The parsed tree of a CAP message as a CapMessage. */
export function mapCapAlert(tree: unknown, receivedAt: number): CapParse {
  const alert = node(node(tree)?.alert);
  if (alert === null) return { ok: false, reason: 'no <alert> element' };
  const identifier = text(alert.identifier);
  const sender = text(alert.sender);
  const sentAt = parseCapTime(text(alert.sent));
  if (identifier === null || sender === null || sentAt === null) return { ok: false, reason: 'CAP message without identifier, sender or a valid sent time' };
  if (identifier.length > 256 || sender.length > 256 || /[\s,]/.test(identifier) || /[\s,]/.test(sender)) return { ok: false, reason: 'CAP identifier or sender too long or with spaces or commas' };
  const key = `${sender},${identifier}`;
  const status = oneOf(WarningStatus.options, text(alert.status));
  const msgType = oneOf(MSG_TYPES, text(alert.msgType));
  if (status === null || msgType === null) return { ok: false, reason: `CAP ${key}: unknown status or msgType` };
  const references = splitReferences(text(alert.references)).slice(0, 50).map((r) => r.slice(0, 800));
  const base = { key, msgType, status, sentAt, replaces: referencedKeys(references) };
  if (msgType !== 'Alert' && msgType !== 'Update') return { ok: true, message: { ...base, warning: null }, adjusted: [] };

  const adjusted: string[] = [];
  let scope = oneOf(SCOPES, text(alert.scope));
  if (scope === null) {
    adjusted.push(`CAP ${key}: no valid scope, taken as Public`);
    scope = 'Public';
  }
  const infos = keptInfos(nodes(alert.info));
  const primary = infos[0];
  if (primary === undefined) return { ok: false, reason: `CAP ${key}: no info block` };
  const areas = areasOf(infos, key, adjusted);
  if (areas.length === 0) return { ok: false, reason: `CAP ${key}: no area` };
  const expiries = infos.map((i) => parseCapTime(text(i.expires))).filter((t) => t !== null);
  const web = text(primary.web);
  const candidate = {
    id: key,
    sender,
    identifier,
    status,
    msgType,
    scope,
    severity: oneOf(WarningSeverity.options, text(primary.severity)) ?? 'Unknown',
    urgency: oneOf(URGENCIES, text(primary.urgency)) ?? 'Unknown',
    certainty: oneOf(CERTAINTIES, text(primary.certainty)) ?? 'Unknown',
    categories: texts(primary.category).slice(0, 12).map((c) => c.slice(0, 20)),
    texts: infos.map(textOf),
    areas,
    references,
    web: web !== null && /^https?:\/\//i.test(web) && web.length <= 1000 ? web : null,
    sentAt,
    effectiveAt: parseCapTime(text(primary.effective)),
    onsetAt: parseCapTime(text(primary.onset)),
    expiresAt: expiries.length === 0 ? null : Math.max(...expiries),
    observedAt: receivedAt,
  };
  const parsed = Warning.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `CAP ${key}: ${issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`}`.slice(0, 300) };
  }
  return { ok: true, message: { ...base, warning: parsed.data }, adjusted };
}

const languageOf = (info: XmlNode): string => (text(info.language) ?? 'en-US').slice(0, 35);
const rank = (language: string): number => (/^th\b/i.test(language) ? 0 : /^en\b/i.test(language) ? 1 : 2);

/** One info block per language, Thai then English then the rest in document order, at most four. */
function keptInfos(infos: readonly XmlNode[]): XmlNode[] {
  const seen = new Set<string>();
  const unique = infos.filter((info) => {
    const language = languageOf(info).toLowerCase();
    if (seen.has(language)) return false;
    seen.add(language);
    return true;
  });
  return unique
    .map((info, index) => ({ info, index }))
    .sort((a, b) => rank(languageOf(a.info)) - rank(languageOf(b.info)) || a.index - b.index)
    .slice(0, MAX_TEXTS)
    .map((e) => e.info);
}

function textOf(info: XmlNode): WarningText {
  return {
    language: languageOf(info),
    event: clip(text(info.event), 200) ?? '',
    headline: clip(text(info.headline), 400),
    description: clip(text(info.description), 8000),
    instruction: clip(text(info.instruction), 8000),
    senderName: clip(text(info.senderName), 200),
  };
}

/** The areas of the first kept block that has any (the blocks of one message describe the same areas in other words). */
function areasOf(infos: readonly XmlNode[], key: string, adjusted: string[]): WarningArea[] {
  for (const info of infos) {
    const areas = nodes(info.area)
      .slice(0, 50)
      .map((area) => areaOf(area, key, adjusted));
    if (areas.length > 0) return areas;
  }
  return [];
}

function areaOf(area: XmlNode, key: string, adjusted: string[]): WarningArea {
  const polygons = [];
  for (const value of texts(area.polygon).slice(0, 100)) {
    const polygon = parseCapPolygon(value);
    if (polygon === null) adjusted.push(`CAP ${key}: a polygon with a bad point or under four points was left out`);
    else {
      if (polygon.wasOpen) adjusted.push(`CAP ${key}: an unclosed polygon was closed`);
      polygons.push(polygon.ring);
    }
  }
  const circles = [];
  for (const value of texts(area.circle).slice(0, 100)) {
    const circle = parseCapCircle(value);
    if (circle === null) adjusted.push(`CAP ${key}: a bad circle was left out`);
    else circles.push(circle);
  }
  return { description: clip(text(area.areaDesc), 400) ?? '', polygons, circles };
}
