import type { CapArea } from './areas';
import type { ScenarioMessage } from './scenarios';
import { SENDER, SENDER_NAME } from './scenarios';

const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** One scenario message placed on the clock: its identifier and its times. */
export interface Issued {
  readonly message: ScenarioMessage;
  readonly identifier: string;
  readonly sentMs: number;
  readonly expiresMs: number;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** CAP dateTime in Thai time, "2026-07-01T10:00:00+07:00" (CAP forbids "Z"). */
export function capTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + BANGKOK_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

const referenceOf = (issued: Issued): string => `${SENDER},${issued.identifier},${capTime(issued.sentMs)}`;

function areaXml(area: CapArea, language: 'th' | 'en'): string {
  const shapes = [...area.polygons.map((p) => `      <polygon>${p}</polygon>`), ...area.circles.map((c) => `      <circle>${c}</circle>`)];
  return `    <area>\n      <areaDesc>${escape(area[language])}</areaDesc>\n${shapes.join('\n')}\n    </area>`;
}

function infoXml(issued: Issued, language: 'th' | 'en'): string {
  const m = issued.message;
  const words = m[language];
  return `  <info>
    <language>${language === 'th' ? 'th-TH' : 'en-US'}</language>
    <category>${m.category}</category>
    <event>${escape(words.event)}</event>
    <responseType>${m.responseType}</responseType>
    <urgency>${m.urgency}</urgency>
    <severity>${m.severity}</severity>
    <certainty>${m.certainty}</certainty>
    <effective>${capTime(issued.sentMs)}</effective>
    <expires>${capTime(issued.expiresMs)}</expires>
    <senderName>${escape(SENDER_NAME[language])}</senderName>
    <headline>${escape(words.headline)}</headline>
    <description>${escape(words.description)}</description>
    <instruction>${escape(words.instruction)}</instruction>
${m.areas.map((a) => areaXml(a, language)).join('\n')}
  </info>`;
}

/** A CAP 1.2 message with a Thai and an English info block; `referenced` is what it updates or cancels. */
export function capMessageXml(issued: Issued, referenced: Issued | null): string {
  const m = issued.message;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NS}">`,
    `  <identifier>${issued.identifier}</identifier>`,
    `  <sender>${SENDER}</sender>`,
    `  <sent>${capTime(issued.sentMs)}</sent>`,
    `  <status>${m.status}</status>`,
    `  <msgType>${m.msgType}</msgType>`,
    '  <scope>Public</scope>',
    ...(m.note === undefined ? [] : [`  <note>${escape(m.note)}</note>`]),
    ...(referenced === null ? [] : [`  <references>${referenceOf(referenced)}</references>`]),
    infoXml(issued, 'th'),
    infoXml(issued, 'en'),
    '</alert>',
    '',
  ];
  return lines.join('\n');
}

/** The Atom index of the listed messages, NWS-style: each entry links to its CAP message and repeats its key fields. */
export function atomIndexXml(listed: readonly Issued[], updatedMs: number): string {
  const entries = listed.map((issued) => {
    const m = issued.message;
    return `  <entry>
    <id>urn:phuket-emulator:cap:${issued.identifier}</id>
    <title>${escape(m.en.headline)}</title>
    <updated>${capTime(issued.sentMs)}</updated>
    <published>${capTime(issued.sentMs)}</published>
    <link rel="alternate" type="application/cap+xml" href="messages/${issued.identifier}.xml"/>
    <summary>${escape(m.en.description)}</summary>
    <cap:status>${m.status}</cap:status>
    <cap:msgType>${m.msgType}</cap:msgType>
    <cap:severity>${m.severity}</cap:severity>
    <cap:expires>${capTime(issued.expiresMs)}</cap:expires>
    <cap:areaDesc>${escape(m.areas.map((a) => a.en).join('; '))}</cap:areaDesc>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="${CAP_NS}">
  <id>urn:phuket-emulator:cap</id>
  <title>Phuket public warnings (emulator)</title>
  <updated>${capTime(updatedMs)}</updated>
  <author><name>${SENDER}</name></author>
  <link rel="self" href="index.atom"/>
${entries.join('\n')}
</feed>
`;
}
