/** CAP documents for tests: a message and an Atom index, written the way publishers write them. */

export interface TestInfo {
  readonly language?: string;
  readonly headline?: string;
  readonly expires?: string;
  readonly severity?: string;
}

export interface TestMessage {
  readonly identifier: string;
  readonly sender?: string;
  readonly sent?: string;
  readonly status?: string;
  readonly msgType?: string;
  readonly references?: string;
  readonly infos?: readonly TestInfo[];
  readonly polygon?: string;
  readonly circle?: string;
  readonly namespace?: string;
}

export const SENDER = 'ddpm-phuket@example.org';
export const PATONG_POLYGON = '7.90,98.29 7.90,98.31 7.88,98.31 7.88,98.29 7.90,98.29';

export function capMessage(m: TestMessage): string {
  const infos = m.infos ?? [{ language: 'th' }, { language: 'en' }];
  const area = `<area><areaDesc>Patong</areaDesc>${m.polygon === undefined && m.circle === undefined ? `<polygon>${PATONG_POLYGON}</polygon>` : ''}${m.polygon === undefined ? '' : `<polygon>${m.polygon}</polygon>`}${m.circle === undefined ? '' : `<circle>${m.circle}</circle>`}</area>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${m.namespace ?? 'urn:oasis:names:tc:emergency:cap:1.2'}">
  <identifier>${m.identifier}</identifier>
  <sender>${m.sender ?? SENDER}</sender>
  <sent>${m.sent ?? '2026-07-01T10:00:00+07:00'}</sent>
  <status>${m.status ?? 'Actual'}</status>
  <msgType>${m.msgType ?? 'Alert'}</msgType>
  <scope>Public</scope>
  ${m.references === undefined ? '' : `<references>${m.references}</references>`}
  ${infos
    .map(
      (i) => `<info>
    <language>${i.language ?? 'en-US'}</language>
    <category>Met</category>
    <event>Heavy rain</event>
    <urgency>Expected</urgency>
    <severity>${i.severity ?? 'Severe'}</severity>
    <certainty>Likely</certainty>
    ${i.expires === undefined ? '' : `<expires>${i.expires}</expires>`}
    <headline>${i.headline ?? `headline ${i.language ?? 'en-US'}`}</headline>
    ${area}
  </info>`,
    )
    .join('\n')}
</alert>`;
}

export function atomIndex(entries: readonly { href: string; updated?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:test:cap</id><title>test</title><updated>2026-07-01T10:00:00+07:00</updated>
  ${entries.map((e, i) => `<entry><id>urn:test:${i}</id><updated>${e.updated ?? '2026-07-01T10:00:00+07:00'}</updated><title>t</title><link rel="alternate" type="application/cap+xml" href="${e.href}"/></entry>`).join('\n')}
</feed>`;
}
