import type { CapArea } from './areas';
import { ANDAMAN_COAST, BEACH_AREAS, districtAreas } from './areas';

export interface CapWords {
  readonly event: string;
  readonly headline: string;
  readonly description: string;
  readonly instruction: string;
}

/** One message of the emulator's timeline, at minutes after the timeline starts (simulated time). */
export interface ScenarioMessage {
  readonly name: string;
  readonly atMin: number;
  /** When its info blocks expire; the index lists it until then. */
  readonly expiresMin: number;
  readonly status: 'Actual' | 'Exercise';
  readonly msgType: 'Alert' | 'Update' | 'Cancel';
  /** The scenario message this one updates or cancels. */
  readonly references?: string;
  readonly category: string;
  readonly severity: 'Extreme' | 'Severe' | 'Moderate' | 'Minor';
  readonly urgency: 'Immediate' | 'Expected' | 'Future';
  readonly certainty: 'Observed' | 'Likely' | 'Possible';
  readonly responseType: string;
  readonly note?: string;
  readonly th: CapWords;
  readonly en: CapWords;
  readonly areas: readonly CapArea[];
}

export const SENDER = 'ddpm-phuket@emulator.invalid';
export const SENDER_NAME = { th: 'สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดภูเก็ต (จำลอง)', en: 'Phuket Provincial Disaster Prevention and Mitigation Office (emulated)' };

const RAIN_TH = 'ฝนตกหนักและน้ำท่วมฉับพลัน';
const RAIN_EN = 'Heavy rain and flash flood';
const WAVE_TH = 'คลื่นลมแรง';
const WAVE_EN = 'High waves';

/**
 * The emulator's warnings over Phuket: heavy rain over three districts (upgraded after 20 minutes), high
 * waves on the west-coast beaches (cancelled after 45), and a tsunami EXERCISE on the Andaman coast.
 */
export function phuketScenario(): ScenarioMessage[] {
  const districts = districtAreas();
  return [
    {
      name: 'rain',
      atMin: 0,
      expiresMin: 360,
      status: 'Actual',
      msgType: 'Alert',
      category: 'Met',
      severity: 'Severe',
      urgency: 'Expected',
      certainty: 'Likely',
      responseType: 'Prepare',
      th: {
        event: RAIN_TH,
        headline: 'เตือนภัยฝนตกหนักและน้ำท่วมฉับพลัน อำเภอเมืองภูเก็ต กะทู้ และถลาง',
        description: 'คาดว่าจะมีฝนตกหนักถึงหนักมาก ปริมาณฝนสะสมมากกว่า 90 มิลลิเมตรภายใน 3 ชั่วโมง อาจเกิดน้ำท่วมฉับพลันและน้ำป่าไหลหลากในพื้นที่ลุ่มต่ำและพื้นที่เชิงเขา',
        instruction: 'หลีกเลี่ยงการขับรถผ่านทางน้ำไหล ขนย้ายสิ่งของขึ้นที่สูง และติดตามประกาศจากทางราชการอย่างใกล้ชิด',
      },
      en: {
        event: RAIN_EN,
        headline: 'Heavy rain and flash flood warning for Mueang Phuket, Kathu and Thalang',
        description: 'Heavy to very heavy rain is expected, more than 90 mm within 3 hours. Flash floods and runoff are likely in low-lying areas and at the foot of the hills.',
        instruction: 'Do not drive through running water, move belongings to higher ground and follow official announcements closely.',
      },
      areas: districts,
    },
    {
      name: 'wave',
      atMin: 0,
      expiresMin: 720,
      status: 'Actual',
      msgType: 'Alert',
      category: 'Met',
      severity: 'Moderate',
      urgency: 'Expected',
      certainty: 'Likely',
      responseType: 'Avoid',
      th: {
        event: WAVE_TH,
        headline: 'เตือนคลื่นสูง 2–3 เมตร ชายหาดฝั่งตะวันตกของภูเก็ต ห้ามลงเล่นน้ำ',
        description: 'มรสุมตะวันตกเฉียงใต้กำลังแรง ทะเลอันดามันมีคลื่นสูง 2–3 เมตร และมีกระแสน้ำย้อนกลับบริเวณหาดป่าตอง กะรน กะตะ กมลา สุรินทร์ และในหาน',
        instruction: 'ห้ามลงเล่นน้ำบริเวณที่ปักธงแดง เรือเล็กควรงดออกจากฝั่ง',
      },
      en: {
        event: WAVE_EN,
        headline: 'High waves of 2–3 m on the west-coast beaches of Phuket: no swimming',
        description: 'A strong southwest monsoon brings 2–3 m waves and rip currents to Patong, Karon, Kata, Kamala, Surin and Nai Harn beaches.',
        instruction: 'Do not swim where red flags fly; small boats should stay in port.',
      },
      areas: BEACH_AREAS,
    },
    {
      name: 'tsunami-exercise',
      atMin: 5,
      expiresMin: 65,
      status: 'Exercise',
      msgType: 'Alert',
      category: 'Geo',
      severity: 'Extreme',
      urgency: 'Immediate',
      certainty: 'Likely',
      responseType: 'Evacuate',
      note: 'EXERCISE - NOT A REAL EVENT / การฝึกซ้อม ไม่ใช่เหตุการณ์จริง',
      th: {
        event: 'การฝึกซ้อมเตือนภัยสึนามิ',
        headline: '[ฝึกซ้อม] เตือนภัยสึนามิ ชายฝั่งอันดามัน จังหวัดภูเก็ต — เป็นการฝึกซ้อมเท่านั้น',
        description: 'การฝึกซ้อมตามแผน: สมมติเกิดแผ่นดินไหวขนาด 8.5 นอกชายฝั่งเกาะสุมาตรา คลื่นสึนามิจะถึงชายฝั่งภูเก็ตภายใน 90 นาที',
        instruction: 'ฝึกอพยพไปยังจุดรวมพลบนที่สูงตามป้ายเส้นทางหนีภัยสึนามิ นี่ไม่ใช่เหตุการณ์จริง',
      },
      en: {
        event: 'Tsunami warning exercise',
        headline: '[EXERCISE] Tsunami warning, Andaman coast of Phuket — exercise only',
        description: 'Planned exercise: a magnitude 8.5 earthquake off Sumatra is simulated; tsunami waves would reach the coast of Phuket within 90 minutes.',
        instruction: 'Practise evacuating to the high-ground assembly points along the tsunami evacuation route signs. This is not a real event.',
      },
      areas: [ANDAMAN_COAST],
    },
    {
      name: 'rain-update',
      atMin: 20,
      expiresMin: 360,
      status: 'Actual',
      msgType: 'Update',
      references: 'rain',
      category: 'Met',
      severity: 'Extreme',
      urgency: 'Immediate',
      certainty: 'Observed',
      responseType: 'Evacuate',
      th: {
        event: RAIN_TH,
        headline: 'น้ำท่วมฉับพลันแล้วในอำเภอกะทู้ เพิ่มระดับการเตือนภัย เมืองภูเก็ต กะทู้ และถลาง',
        description: 'สถานีวัดน้ำฝนกะทู้วัดได้ 75 มิลลิเมตรในหนึ่งชั่วโมง มีน้ำท่วมขังบนถนนพระภูเก็ตแก้วและถนนวิชิตสงคราม ระดับน้ำในคลองกะทู้เพิ่มขึ้นอย่างรวดเร็ว',
        instruction: 'ผู้อยู่อาศัยริมคลองและพื้นที่ลุ่มต่ำให้อพยพขึ้นที่สูงทันที ห้ามขับรถผ่านทางน้ำไหล',
      },
      en: {
        event: RAIN_EN,
        headline: 'Flash flooding under way in Kathu: warning raised for Mueang Phuket, Kathu and Thalang',
        description: 'The Kathu rain gauge measured 75 mm in one hour. Phra Phuket Kaeo and Wichit Songkhram roads are flooded and Khlong Kathu is rising fast.',
        instruction: 'People beside the canals and in low-lying areas should move to higher ground now. Do not drive through running water.',
      },
      areas: districts,
    },
    {
      name: 'wave-cancel',
      atMin: 45,
      expiresMin: 720,
      status: 'Actual',
      msgType: 'Cancel',
      references: 'wave',
      category: 'Met',
      severity: 'Minor',
      urgency: 'Future',
      certainty: 'Possible',
      responseType: 'AllClear',
      th: {
        event: WAVE_TH,
        headline: 'ยกเลิกประกาศเตือนคลื่นสูง ชายหาดฝั่งตะวันตกของภูเก็ต',
        description: 'คลื่นลดลงเหลือ 1–1.5 เมตร',
        instruction: 'ยังคงปฏิบัติตามสัญญาณธงของเจ้าหน้าที่ไลฟ์การ์ด',
      },
      en: {
        event: WAVE_EN,
        headline: 'High-wave warning for the west-coast beaches of Phuket cancelled',
        description: 'Waves have eased to 1–1.5 m.',
        instruction: 'Keep following the lifeguards’ flags.',
      },
      areas: BEACH_AREAS,
    },
  ];
}
