import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Warning } from '../../../../shared/domain';
import { parseCapIndex } from './atomIndex';
import { capMessage, SENDER } from './capTestKit';
import { parseCapMessage } from './mapCap';
import type { CapMessage } from './mapCap';

const fixture = (name: string): Uint8Array => readFileSync(join(import.meta.dirname, 'fixtures', name));
const AT = Date.UTC(2026, 6, 1, 3);

function parsed(body: Uint8Array | string): CapMessage {
  const result = parseCapMessage(body, AT);
  if (!result.ok) throw new Error(result.reason);
  return result.message;
}
function warningOf(body: Uint8Array | string): Warning {
  const warning = parsed(body).warning;
  if (warning === null) throw new Error('no warning');
  expect(Warning.safeParse(warning).success).toBe(true);
  return warning;
}

describe('CAP messages from real publishers', () => {
  it('reads the NWS CAP 1.2 thunderstorm: polygon as closed [lon, lat] ring, times with offsets, texts', () => {
    const w = warningOf(fixture('google-cap-library_thunderstorm.cap'));
    expect(w.id).toBe('KSTO@NWS.NOAA.GOV,KSTO1055887203');
    expect([w.status, w.msgType, w.scope, w.severity, w.urgency, w.certainty]).toEqual(['Actual', 'Alert', 'Public', 'Severe', 'Immediate', 'Observed']);
    expect(w.sentAt).toBe(Date.parse('2003-06-17T21:57:00Z'));
    expect(w.expiresAt).toBe(Date.parse('2003-06-17T23:00:00Z'));
    expect(w.categories).toEqual(['Met']);
    expect(w.texts).toEqual([
      expect.objectContaining({ language: 'en-US', event: 'SEVERE THUNDERSTORM', headline: 'SEVERE THUNDERSTORM WARNING', senderName: 'NATIONAL WEATHER SERVICE SACRAMENTO CA' }),
    ]);
    expect(w.areas[0]?.polygons[0]).toEqual([
      [-120.14, 38.47],
      [-119.95, 38.34],
      [-119.74, 38.52],
      [-119.89, 38.62],
      [-120.14, 38.47],
    ]);
    expect(w.observedAt).toBe(AT);
  });

  it('reads a real CAP 1.1 NWS flash flood watch whose area is geocodes only (kept, nothing to draw)', () => {
    const w = warningOf(fixture('google-cap-library_weather.cap'));
    expect(w.texts[0]?.event).toBe('Flash Flood Watch');
    expect(w.effectiveAt).toBe(Date.parse('2010-08-30T10:07:00Z'));
    expect(w.areas).toEqual([{ description: 'Central and Southern Lewis and Clark; Lewis and Clark', polygons: [], circles: [] }]);
  });

  it('reads the OASIS spec examples (1.2 with a web link, 1.1 AMBER alert)', () => {
    expect(warningOf(fixture('oasis-cap12-spec-example_43b080713727.cap')).web).toBe('http://www.dhs.gov/dhspublic/display?theme=29');
    expect(warningOf(fixture('oasis-cap12-spec-example_KAR0-0306112239-SW.cap')).texts[0]?.headline).toBe('AMBER ALERT');
  });

  it('reads the real NWS Atom index: two entries linking to its own host; a foreign origin is refused', () => {
    const index = parseCapIndex(fixture('google-cap-library_weather_index.atom'), 'http://www.weather.gov/alerts-beta/index.atom');
    if (!index.ok) throw new Error(index.reason);
    expect(index.entries.map((e) => e.url)).toEqual([
      'http://www.weather.gov/alerts-beta/wwacapget.php?x=CT20100831030400OKXAirQualityAlertOKX20100901031500CT',
      'http://www.weather.gov/alerts-beta/wwacapget.php?x=DC20100830203300LWXAirQualityAlertLWX20100901040000DC',
    ]);
    expect(index.entries[0]?.updated).toBe('2010-08-30T23:04:00-04:00');
    const foreign = parseCapIndex(fixture('google-cap-library_weather_index.atom'), 'https://console.example/index.atom');
    expect(foreign.ok && foreign.entries.length === 0 && foreign.rejected.length === 2).toBe(true);
  });
});

describe('CAP semantics', () => {
  it('keeps Thai then English first, one block per language, at most four', () => {
    const langs = ['fr', 'en-US', 'de', 'th', 'ja', 'en-US', 'zh'];
    const w = warningOf(capMessage({ identifier: 'multi', infos: langs.map((language) => ({ language })) }));
    expect(w.texts.map((t) => t.language)).toEqual(['th', 'en-US', 'fr', 'de']);
  });

  it('keeps Exercise and Test as such, and references as sender,identifier keys', () => {
    expect(warningOf(capMessage({ identifier: 'x1', status: 'Exercise' })).status).toBe('Exercise');
    const update = parsed(capMessage({ identifier: 'u1', msgType: 'Update', references: `${SENDER},a1,2026-07-01T09:00:00+07:00 ${SENDER},a0,2026-07-01T08:00:00+07:00` }));
    expect(update.replaces).toEqual([`${SENDER},a1`, `${SENDER},a0`]);
    expect(update.warning?.references).toHaveLength(2);
    const cancel = parsed(capMessage({ identifier: 'c1', msgType: 'Cancel', references: `${SENDER},a1,2026-07-01T09:00:00+07:00` }));
    expect([cancel.warning, cancel.replaces]).toEqual([null, [`${SENDER},a1`]]);
  });

  it('takes the latest expiry of its blocks, a circle as centre and radius, and closes an open ring (said as adjusted)', () => {
    const w = warningOf(capMessage({ identifier: 'e', infos: [{ language: 'th', expires: '2026-07-01T12:00:00+07:00' }, { language: 'en', expires: '2026-07-01T13:00:00+07:00' }], circle: '7.89,98.29 1.5' }));
    expect(w.expiresAt).toBe(Date.parse('2026-07-01T06:00:00Z'));
    expect(w.areas[0]?.circles).toEqual([{ center: [98.29, 7.89], radiusKm: 1.5 }]);
    const open = parseCapMessage(capMessage({ identifier: 'o', polygon: '7.9,98.29 7.9,98.31 7.88,98.31 7.88,98.29' }), AT);
    expect(open.ok && open.adjusted).toContain(`CAP ${SENDER},o: an unclosed polygon was closed`);
  });

  it('refuses what is not CAP 1.1/1.2 or misses what identifies it, with a reason', () => {
    const reason = (body: string): string => {
      const r = parseCapMessage(body, AT);
      return r.ok ? 'accepted' : r.reason;
    };
    expect(reason(capMessage({ identifier: 'v', namespace: 'http://www.incident.com/cap/1.0' }))).toMatch(/no CAP namespace/);
    expect(reason(capMessage({ identifier: 'v', sent: 'yesterday' }))).toMatch(/valid sent time/);
    expect(reason(capMessage({ identifier: 'has space' }))).toMatch(/spaces or commas/);
    expect(reason(capMessage({ identifier: 'v', status: 'Maybe' }))).toMatch(/unknown status/);
    expect(reason(capMessage({ identifier: 'v', infos: [] }))).toMatch(/no info block/);
    expect(reason('<feed/>')).toMatch(/no CAP namespace/);
  });

  it('decodes the predefined entities and character references, and nothing else', () => {
    const w = warningOf(capMessage({ identifier: 'ent', infos: [{ language: 'th', headline: 'ฝน &amp; น้ำ &#3585;&#x0E01; &lt;b&gt; &unknown;' }] }));
    expect(w.texts[0]?.headline).toBe('ฝน & น้ำ กก <b> &unknown;');
  });
});
