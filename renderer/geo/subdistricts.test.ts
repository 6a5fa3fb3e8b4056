import { describe, expect, it } from 'vitest';
import { districtsWithSubdistricts, placeAt, placeName } from './subdistricts';

describe('point → subdistrict and district (OCHA / RTSD boundaries)', () => {
  it('knows all 17 subdistricts of the 3 districts, named in Thai and English', () => {
    const districts = districtsWithSubdistricts();
    expect(districts.map((d) => [d.district.code, d.district.en, d.district.th, d.subdistricts.length])).toEqual([
      ['TH8301', 'Mueang Phuket', 'เมืองภูเก็ต', 8],
      ['TH8302', 'Kathu', 'กะทู้', 3],
      ['TH8303', 'Thalang', 'ถลาง', 6],
    ]);
    expect(districts[1]?.subdistricts.map((s) => `${s.en} ${s.th}`)).toEqual(['Kathu กะทู้', 'Pa Tong ป่าตอง', 'Kamala กมลา']);
  });

  it('places known spots: Phuket Town, Chalong circle, Kathu, Thalang', () => {
    expect(placeAt([98.39, 7.885])?.subdistrict.en).toBe('Talat Yai');
    expect(placeAt([98.3407, 7.8223])).toMatchObject({ subdistrict: { code: 'TH830106', th: 'ฉลอง' }, district: { en: 'Mueang Phuket' }, offshore: false });
    expect(placeAt([98.335, 7.915])?.subdistrict.code).toBe('TH830201');
    expect(placeAt([98.31, 8.05])?.district.code).toBe('TH8303');
  });

  it('gives a swimmer off Patong beach to Pa Tong, and the open sea to nobody', () => {
    expect(placeAt([98.28, 7.895])).toMatchObject({ subdistrict: { en: 'Pa Tong' }, offshore: true });
    expect(placeAt([98.2, 7.9])).toBeNull();
  });

  it('names a place in the UI language first', () => {
    const place = placeAt([98.3407, 7.8223]);
    if (!place) throw new Error('Chalong not found');
    expect(placeName(place, 'th')).toBe('ฉลอง, เมืองภูเก็ต (Chalong, Mueang Phuket)');
    expect(placeName(place, 'en')).toBe('Chalong, Mueang Phuket (ฉลอง, เมืองภูเก็ต)');
  });
});
