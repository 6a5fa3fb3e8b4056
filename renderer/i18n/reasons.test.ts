import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { REASON_CODES, ReasonCode, coded, refusal, refusalError } from '../../shared/contract';
import { ageText } from '../ui/format';
import { en } from './en';
import { reasonText } from './reasons';
import { th } from './th';

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en }, th: { translation: th } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});

describe('reason codes', () => {
  it('every code the core can emit has words in English and in Thai', () => {
    for (const code of ReasonCode.options) {
      expect(en.reasons[code], `en ${code}`).toEqual(expect.any(String));
      expect(th.reasons[code], `th ${code}`).toEqual(expect.any(String));
      expect(th.reasons[code]).not.toEqual('');
    }
    expect(ReasonCode.options).toEqual([...REASON_CODES]);
  });

  it('says a coded reason in the UI language, and the English as it came for an unknown code', async () => {
    const t = i18next.getFixedT('th');
    expect(reasonText(t, coded('no-data', { seconds: 42 }), 'no data for 42 s')).toBe('ไม่มีข้อมูลมา 42 วินาที');
    expect(reasonText(t, coded('role-not-allowed', { role: 'operator', action: 'status:closed' }), 'x')).toBe('เจ้าหน้าที่ไม่มีสิทธิ์เปลี่ยนสถานะเหตุการณ์เป็นปิดแล้ว');
    expect(reasonText(t, coded('lifecycle-move', { from: 'closed', to: 'acknowledged', allowed: 'new' }), 'x')).toBe('เหตุการณ์อยู่ในสถานะปิดแล้ว เปลี่ยนเป็นรับทราบแล้วไม่ได้ (ทำได้: ใหม่)');
    expect(reasonText(t, { code: 'from-a-newer-core' } as never, 'the English')).toBe('the English');
    expect(reasonText(t, undefined, 'the English')).toBe('the English');
    const tEn = i18next.getFixedT('en');
    // English mode says what the core said in English.
    expect(reasonText(tEn, coded('no-data', { seconds: 42 }), 'no data for 42 s')).toBe('no data for 42 s');
    expect(reasonText(tEn, coded('mqtt-closed-error', { host: 'h:1883', error: 'ECONNREFUSED' }), '')).toBe('MQTT link to h:1883 closed: ECONNREFUSED');
    expect(reasonText(tEn, coded('lifecycle-move', { from: 'closed', to: 'acknowledged', allowed: '' }), '')).toBe('incident is closed; it cannot move to acknowledged (allowed: nothing)');
    expect(/[a-z]{3}/i.test(reasonText(t, coded('store-unavailable'), 'x'))).toBe(false);
  });

  it('a refusal keeps its code through an Error message, and plain errors stay plain', () => {
    const error = refusalError('an operator may not close', coded('role-not-allowed', { role: 'operator', action: 'status:closed' }));
    expect(refusal(error)).toEqual({ text: 'an operator may not close', reason: { code: 'role-not-allowed', params: { role: 'operator', action: 'status:closed' } } });
    expect(refusal(new Error('plain'))).toEqual({ text: 'plain' });
    expect(refusal(refusalError('no code', undefined))).toEqual({ text: 'no code' });
  });
});

describe('ages in the UI language', () => {
  it('uses Intl units in English and in Thai', async () => {
    await i18next.changeLanguage('en');
    const unit = (locale: string, u: string, n: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
    expect(ageText(300_000, 0)).toBe(unit('en-GB', 'minute', 5));
    expect(ageText(300_000, 0)).toMatch(/^5 min/);
    expect(ageText(7_200_000 + 60_000, 0)).toBe(`${unit('en-GB', 'hour', 2)} ${unit('en-GB', 'minute', 1)}`);
    expect(ageText(12_000, 0)).toBe(unit('en-GB', 'second', 12));
    await i18next.changeLanguage('th');
    expect(ageText(300_000, 0)).toBe(new Intl.NumberFormat('th-TH-u-ca-buddhist', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(5));
    expect(ageText(300_000, 0)).toMatch(/5\s?นาที/);
    expect(ageText(7_200_000, 0)).toMatch(/2\s?ชม\./);
    await i18next.changeLanguage('en');
  });
});
