import MiniSearch from 'minisearch';
import type { Place } from './placeData';

const THAI = /[\u0E00-\u0E7F]/;
/** Thai combining marks (vowels above and below, tone marks): a suffix never starts on one. */
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
/** Tone marks are often mistyped or left out: they do not count. */
const TONE = /[\u0E48-\u0E4B]/g;
const SEPARATORS = /[\s\-_.,/()&@'’"+:;!?]+/u;
/** Words that say what kind of place, not which: they count for little when the query names the place too. */
const GENERIC = new Set(['beach', 'hotel', 'resort', 'road', 'rd', 'soi', 'school', 'hospital', 'station', 'police', 'market', 'bus', 'stop', 'หาด', 'ถนน', 'โรงแรม', 'โรงเรียน', 'โรงพยาบาล', 'ตลาด', 'สถานี', 'ซอย']);

/** Lower case, no Latin accents or Thai tone marks, one form of each character. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(TONE, '').normalize('NFC').toLowerCase();
}

/** A first syllable this short is often written apart or together: "Pa Tong" and "Patong", "Ao Po" and "Aopo". */
const SHORT = 3;

/** The words of a text, and a short word run together with the next, so "Pa Tong" and "Patong" meet. */
function words(text: string): string[] {
  const list = normalise(text).split(SEPARATORS).filter((w) => w.length > 0);
  const pairs = list.slice(1).flatMap((w, k) => {
    const before = list[k] ?? '';
    return before.length <= SHORT ? [`${before}${w}`] : [];
  });
  return [...list, ...pairs];
}

/**
 * Index terms: the words, and for Thai, which is written without spaces between words, every suffix of a
 * word (from a letter, two letters or more), so a prefix search for "ป่าตอง" finds "จุดจอดรถป่าตอง".
 */
export function indexTerms(text: string): string[] {
  // Thai spacing is a matter of taste ("สนามบิน ภูเก็ต", "สนามบินภูเก็ต"): the name run together is a word too.
  const compact = THAI.test(text) ? [normalise(text).replace(/\s+/g, '')] : [];
  return [...new Set([...words(text), ...compact])].flatMap((w) => {
    if (!THAI.test(w)) return [w];
    const chars = [...w];
    return chars.flatMap((c, k) => (k === 0 || (!THAI_MARK.test(c) && chars.length - k >= 2) ? [chars.slice(k).join('')] : []));
  });
}

export const queryTerms = (query: string): string[] => words(query);

interface Doc {
  readonly id: string;
  readonly en: string;
  readonly th: string;
  readonly area: string;
  readonly kind: Place['kind'];
}

/** Subdistricts first, then the stops that name beaches, hotels and landmarks, at equal match. */
const KIND_BOOST: Record<Place['kind'], number> = { subdistrict: 1.3, stop: 1.15, poi: 1, road: 1 };

export interface PlaceSearch {
  search(query: string, limit?: number): Place[];
}

/**
 * Offline place search over the shipped places (MiniSearch): Thai and English, prefix and typo tolerant
 * (about one edit in four letters), indifferent to spacing, accents and tone marks. An empty query finds nothing.
 */
export function createPlaceSearch(places: readonly Place[]): PlaceSearch {
  const byId = new Map(places.map((p) => [p.id, p]));
  const index = new MiniSearch<Doc>({
    fields: ['en', 'th', 'area'],
    storeFields: ['kind'],
    tokenize: indexTerms,
    processTerm: (term) => term,
    searchOptions: {
      tokenize: queryTerms,
      processTerm: (term) => term,
      boost: { en: 2, th: 2, area: 0.3 },
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      maxFuzzy: 3,
      combineWith: 'OR',
      weights: { prefix: 0.5, fuzzy: 0.35 },
    },
  });
  // A name known in one language only is indexed once, so it does not count twice.
  index.addAll(places.map((p) => ({ id: p.id, en: p.name.en, th: p.name.th === p.name.en ? '' : p.name.th, area: `${p.subdistrict.en} ${p.subdistrict.th} ${p.district.en} ${p.district.th}`, kind: p.kind })));
  return {
    search(query, limit = 8) {
      const terms = queryTerms(query);
      if (terms.length === 0) return [];
      const specific = terms.some((t) => !GENERIC.has(t));
      return index
        .search(query, {
          boostTerm: (term) => (specific && GENERIC.has(term) ? 0.3 : 1),
          boostDocument: (id: string) => KIND_BOOST[byId.get(id)?.kind ?? 'poi'],
        })
        .slice(0, limit)
        .flatMap((hit) => {
          const place = typeof hit.id === 'string' ? byId.get(hit.id) : undefined;
          return place ? [place] : [];
        });
    },
  };
}
