import raw from '../../assets/places/places.json?raw';
import { describe, expect, it } from 'vitest';
import { PlacesFile } from './placeData';
import type { Place } from './placeData';
import { createPlaceSearch, indexTerms, normalise } from './placeSearch';

const file = PlacesFile.parse(JSON.parse(raw));
const search = createPlaceSearch(file.places);
const names = (query: string, limit = 3) => search.search(query, limit).map((p) => p.name.en);
const isPatong = (p: Place | undefined) => p !== undefined && /^pa ?tong$/i.test(p.name.en);

/** The 20 places a Phuket call-taker hears most (beaches, towns, hospitals, the airport, landmarks), as callers say them. */
const COMMON: [query: string, expected: RegExp][] = [
  ['Patong', /^Pa ?tong$/i],
  ['ป่าตอง', /^Pa ?tong$/i],
  ['patong beach', /^Pa ?tong$/i],
  ['Karon', /^Karon$/],
  ['กะรน', /Karon/],
  ['Kata', /Kata/],
  ['Rawai Beach', /^Rawai Beach$/],
  ['หาดราไวย์', /^Rawai Beach$/],
  ['Chalong', /^Chalong$/],
  ['ฉลอง', /^Chalong$/],
  ['Kamala', /^Kamala$/],
  ['Surin Beach', /^Surin Beach$/],
  ['Phuket airport', /^Phuket Airport$/],
  ['สนามบินภูเก็ต', /^Phuket Airport$/],
  ['Old Town', /^Old Town Intersection$/],
  ['Bangla Road', /^Bangla Patong$/],
  ['Vachira Hospital', /^Vachira Phuket Hospital$/],
  ['Bangkok Hospital', /^Bangkok Hospital Phuket$/],
  ['Cherng Talay', /^Choeng Thale$|Cherngtalay/],
  ['Mai Khao', /^Mai Khao$/],
];

describe('place search', () => {
  it('finds Patong from English, Thai, "patong beach", spacing and a typo', () => {
    for (const query of ['Patong', 'ป่าตอง', 'patong beach', 'Patong Beach', 'pa tong', 'patnog', 'ปาตอง']) expect(isPatong(search.search(query)[0]), query).toBe(true);
  });

  it('finds Thai names inside longer Thai names, which have no spaces between words', () => {
    expect(search.search('ป่าตอง', 8).map((p) => p.name.th)).toContain('จุดจอดรถป่าตอง');
    expect(indexTerms('จุดจอดรถป่าตอง')).toContain(normalise('ป่าตอง'));
  });

  it('is tolerant of typos in English', () => {
    expect(names('Karron')).toContain('Karon');
    expect(names('Chalon')).toContain('Chalong');
    expect(names('Vachria Phuket Hospital')).toContain('Vachira Phuket Hospital');
  });

  it('finds nothing for an empty or blank query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
    expect(search.search(' - ')).toEqual([]);
  });

  it('gives each place its district and subdistrict', () => {
    const patong = search.search('Patong')[0];
    expect(patong?.district).toEqual({ en: 'Kathu', th: 'กะทู้' });
    expect(file.places.filter((p) => p.kind === 'subdistrict')).toHaveLength(17);
  });

  it('finds the 20 most common Phuket places: all in the top 3, nearly all first', () => {
    const ranks = COMMON.map(([query, expected]) => search.search(query, 3).findIndex((p) => expected.test(p.name.en)));
    const first = ranks.filter((r) => r === 0).length;
    const top3 = ranks.filter((r) => r >= 0).length;
    console.info(`place search on ${COMMON.length} common names: ${first} at rank 1, ${top3} in the top 3`);
    expect(COMMON.filter((_, k) => (ranks[k] ?? -1) < 0).map(([q]) => q)).toEqual([]);
    expect(first).toBeGreaterThanOrEqual(17);
  });
});
