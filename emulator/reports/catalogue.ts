import type { Spot } from './spots';

/** One kind of report as the reporters' app names it, with what people write and who handles it. */
export interface ReportKind {
  /** The category on the wire; the last few are free text the console does not know (kept as `other`). */
  readonly category: string;
  readonly weight: number;
  /** Residents write in Thai. */
  readonly th: readonly string[];
  /** Tourists write in English or their own language. */
  readonly visitor: readonly string[];
  readonly agency: (spot: Spot) => string;
  /** Only at a beach. */
  readonly beachOnly?: boolean;
}

const municipality = (spot: Spot): string => `${spot.subdistrict.en} Municipality`;
const fixed = (name: string) => (): string => name;

export const REPORT_KINDS: readonly ReportKind[] = [
  {
    category: 'road damage',
    weight: 14,
    th: ['ถนนเป็นหลุมลึก รถจักรยานยนต์ล้มไปแล้วหนึ่งคัน', 'ผิวถนนทรุดตัวหลังฝนตกหนัก', 'ฝาท่อระบายน้ำหายไป อันตรายมาก'],
    visitor: ['Big pothole in the road, a scooter fell here this morning', 'Broken pavement, my mother tripped', 'Open drain cover on the sidewalk, very dangerous at night'],
    agency: municipality,
  },
  {
    category: 'flooding',
    weight: 10,
    th: ['น้ำท่วมขังสูงประมาณ 30 ซม. รถเล็กผ่านไม่ได้', 'น้ำท่วมขังทุกครั้งที่ฝนตก ท่อระบายน้ำไม่ไหล'],
    visitor: ['Street flooded knee deep, cars stuck', 'Überschwemmung vor dem Hotel, Wasser kommt nicht weg'],
    agency: municipality,
  },
  {
    category: 'street light out',
    weight: 9,
    th: ['ไฟถนนดับทั้งซอย มืดมาก', 'เสาไฟเอียงจะล้ม สายไฟห้อยต่ำ'],
    visitor: ['Street lights out along the whole soi, very dark walking back', 'Уличные фонари не работают, очень темно'],
    agency: fixed('Provincial Electricity Authority'),
  },
  {
    category: 'waste',
    weight: 12,
    th: ['ขยะไม่มีคนมาเก็บสามวันแล้ว ส่งกลิ่นเหม็น', 'มีคนลักลอบทิ้งขยะริมถนน'],
    visitor: ['Garbage not collected for days, it smells terrible', '垃圾堆在路边好几天了，没有人清理'],
    agency: municipality,
  },
  {
    category: 'traffic',
    weight: 9,
    th: ['สัญญาณไฟจราจรเสีย รถติดยาว', 'รถจอดซ้อนคันขวางทางเข้าออก'],
    visitor: ['Traffic light broken at the junction, cars going every way', 'Cars parked on the pavement, we have to walk in the road'],
    agency: fixed('Phuket Traffic Police'),
  },
  {
    category: 'safety',
    weight: 7,
    th: ['มีกลุ่มวัยรุ่นแข่งรถตอนกลางคืน', 'รั้วริมคลองพัง เด็กอาจตกลงไป'],
    visitor: ['Someone tried to snatch my bag from a motorbike', 'Broken railing above the drop, a child could fall'],
    agency: fixed('Tourist Police'),
  },
  {
    category: 'noise',
    weight: 6,
    th: ['เสียงเพลงดังจากร้านถึงตีสาม', 'เสียงก่อสร้างกลางคืนรบกวนการนอน'],
    visitor: ['Loud music from the bar until 3 am every night', 'Nachts Baulärm, man kann nicht schlafen'],
    agency: fixed('Phuket Provincial Police'),
  },
  {
    category: 'stray animal',
    weight: 6,
    th: ['สุนัขจรจัดไล่กัดคนเดินผ่าน', 'มีสุนัขบาดเจ็บนอนอยู่ข้างถนน'],
    visitor: ['Pack of stray dogs chasing people on the beach road', 'Injured dog lying by the road, needs help'],
    agency: fixed('Phuket Livestock Office'),
  },
  {
    category: 'beach',
    weight: 8,
    beachOnly: true,
    th: ['ธงแดงห้ามลงเล่นน้ำหายไป', 'มีขยะพลาสติกเกยหาดจำนวนมาก'],
    visitor: ['No lifeguard and the red flag is missing, strong currents', 'Jellyfish on the shore, a child was stung', 'Пляж усыпан пластиком после шторма'],
    agency: fixed('Phuket Marine Office'),
  },
  { category: 'ท่อระบายน้ำอุดตัน', weight: 3, th: ['ท่อระบายน้ำอุดตัน น้ำเน่าส่งกลิ่น'], visitor: ['Blocked drain, dirty water smells'], agency: municipality },
  { category: 'ต้นไม้ล้มขวางทาง', weight: 2, th: ['ต้นไม้ล้มขวางถนนหลังพายุ'], visitor: ['Fallen tree blocking the road after the storm'], agency: municipality },
  { category: 'Taxi overcharging', weight: 2, th: ['แท็กซี่เรียกค่าโดยสารแพงเกินจริง'], visitor: ['Taxi asked 1500 baht for 3 km and refused the meter'], agency: fixed('Department of Land Transport') },
];
