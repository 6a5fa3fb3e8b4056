import type { ReportCategory, ReportStatus } from '../../../../shared/domain/feeds/citizenReport';

/** Lower case, one space between words, so "Street_Light-out" and "street light out" are the same name. */
export const normalise = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** The names reporters' apps use (English and Traffy Fondue's Thai) for the categories the console knows. */
const CATEGORY_NAMES: Readonly<Record<Exclude<ReportCategory, 'other'>, readonly string[]>> = {
  road: ['road', 'roads', 'road damage', 'pothole', 'sidewalk', 'ถนน', 'ทางเท้า'],
  flooding: ['flooding', 'flood', 'น้ำท่วม'],
  lighting: ['lighting', 'street light', 'street lights', 'street light out', 'streetlight', 'ไฟฟ้า', 'แสงสว่าง', 'ไฟถนน'],
  waste: ['waste', 'garbage', 'trash', 'rubbish', 'ขยะ', 'ความสะอาด'],
  traffic: ['traffic', 'จราจร'],
  safety: ['safety', 'ความปลอดภัย'],
  noise: ['noise', 'เสียงรบกวน'],
  animal: ['animal', 'stray animal', 'stray animals', 'stray dog', 'สัตว์จรจัด'],
  beach: ['beach', 'ชายหาด', 'หาด'],
};

const STATUS_NAMES: Readonly<Record<ReportStatus, readonly string[]>> = {
  waiting: ['waiting', 'pending', 'new', 'open', 'รอรับเรื่อง'],
  'in-progress': ['in progress', 'inprogress', 'กำลังดำเนินการ'],
  forwarded: ['forwarded', 'ส่งต่อ'],
  done: ['done', 'finished', 'completed', 'resolved', 'เสร็จสิ้น'],
  rejected: ['rejected', 'declined', 'ไม่รับเรื่อง'],
};

const invert = <K extends string>(table: Readonly<Record<K, readonly string[]>>, keys: readonly K[]): Map<string, K> => {
  const out = new Map<string, K>();
  for (const key of keys) for (const name of table[key]) out.set(normalise(name), key);
  return out;
};
const CATEGORY_BY_NAME = invert(CATEGORY_NAMES, ['road', 'flooding', 'lighting', 'waste', 'traffic', 'safety', 'noise', 'animal', 'beach']);
const STATUS_BY_NAME = invert(STATUS_NAMES, ['waiting', 'in-progress', 'forwarded', 'done', 'rejected']);

/** A category the console knows, or `other` with the reporter's own words kept for the operator. */
export function categoryOf(wire: string): { category: ReportCategory; categoryText: string | null } {
  const name = normalise(wire);
  const known = CATEGORY_BY_NAME.get(name);
  if (known !== undefined) return { category: known, categoryText: null };
  if (name === 'other' || name === '') return { category: 'other', categoryText: null };
  return { category: 'other', categoryText: wire.trim().slice(0, 100) };
}

/** The agency's stage, or null for a word the console does not know (the decoder then shows it as still waiting). */
export const statusOf = (wire: string): ReportStatus | null => STATUS_BY_NAME.get(normalise(wire)) ?? null;
