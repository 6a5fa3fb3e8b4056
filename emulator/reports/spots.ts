/**
 * Where reports come from: real places in Phuket (positions from assets/places/places.json, derived from
 * the PKSB Smart Bus stops and OpenStreetMap, see /work/shared/data/SOURCES.md), each with the kind of
 * reporter it mostly sees. A report lands within a few tens of metres of one, always on land (tested).
 */
export interface Spot {
  readonly en: string;
  readonly th: string;
  readonly subdistrict: { readonly en: string; readonly th: string };
  readonly lon: number;
  readonly lat: number;
  /** Share of reports here from tourists (the rest from residents, in Thai). */
  readonly tourists: number;
  /** A beach is where beach reports come from. */
  readonly beach: boolean;
}

const TALAT_YAI = { en: 'Talat Yai', th: 'ตลาดใหญ่' };
const TALAT_NUEA = { en: 'Talat Nuea', th: 'ตลาดเหนือ' };
const PA_TONG = { en: 'Pa Tong', th: 'ป่าตอง' };
const KARON = { en: 'Karon', th: 'กะรน' };
const RAWAI = { en: 'Rawai', th: 'ราไวย์' };
const CHALONG = { en: 'Chalong', th: 'ฉลอง' };
const KATHU = { en: 'Kathu', th: 'กะทู้' };
const RATSADA = { en: 'Ratsada', th: 'รัษฎา' };
const KAMALA = { en: 'Kamala', th: 'กมลา' };
const CHOENG_THALE = { en: 'Choeng Thale', th: 'เชิงทะเล' };
const THEP_KRASATTRI = { en: 'Thep Krasattri', th: 'เทพกระษัตรี' };
const MAI_KHAO = { en: 'Mai Khao', th: 'ไม้ขาว' };

const spot = (en: string, th: string, subdistrict: Spot['subdistrict'], lon: number, lat: number, tourists: number, beach = false): Spot => ({ en, th, subdistrict, lon, lat, tourists, beach });

export const SPOTS: readonly Spot[] = [
  spot('Bangla Road', 'ถนนบางลา', PA_TONG, 98.29513, 7.89407, 0.8),
  spot('Patong Beach (Malin Plaza)', 'หาดป่าตอง (มาลินพลาซ่า)', PA_TONG, 98.29332, 7.88267, 0.75, true),
  spot('Patong PEA', 'การไฟฟ้าป่าตอง', PA_TONG, 98.2977, 7.89108, 0.5),
  spot('Kalim School', 'โรงเรียนกะหลิม', PA_TONG, 98.29575, 7.91068, 0.4),
  spot('Old Town Intersection', 'แยกเมืองเก่า', TALAT_YAI, 98.39086, 7.88422, 0.4),
  spot('Dibuk Road', 'ถนนดีบุก', TALAT_NUEA, 98.38668, 7.88644, 0.35),
  spot('Surin Circle Clock Tower', 'วงเวียนสุรินทร์', TALAT_YAI, 98.39246, 7.87949, 0.2),
  spot('Phuket Bus Terminal 1', 'สถานีขนส่งภูเก็ต 1', TALAT_YAI, 98.39575, 7.8841, 0.3),
  spot('Vachira Phuket Hospital', 'โรงพยาบาลวชิระภูเก็ต', TALAT_YAI, 98.38401, 7.89726, 0.1),
  spot('Chillva Market', 'ตลาดชิลวา', TALAT_YAI, 98.37336, 7.90683, 0.3),
  spot('Phuket Bus Terminal 2', 'สถานีขนส่งภูเก็ต 2', RATSADA, 98.39469, 7.91785, 0.2),
  spot('Soi Thachin', 'ซอยท่าจีน', RATSADA, 98.40973, 7.90366, 0.05),
  spot('Kathu Fresh Market', 'ตลาดสดกะทู้', KATHU, 98.34954, 7.90821, 0.1),
  spot('Kathu Police Station', 'สถานีตำรวจภูธรกะทู้', KATHU, 98.33278, 7.90996, 0.1),
  spot('Chalong Hospital', 'โรงพยาบาลฉลอง', CHALONG, 98.34084, 7.82419, 0.2),
  spot('Chalong Police Station', 'สถานีตำรวจภูธรฉลอง', CHALONG, 98.34128, 7.82286, 0.25),
  spot('Sai Yuan', 'ไสยวน', RAWAI, 98.31556, 7.79442, 0.4),
  spot('Rawai Beach', 'หาดราไวย์', RAWAI, 98.32179, 7.77209, 0.6, true),
  spot('Karon Circle', 'วงเวียนกะรน', KARON, 98.29331, 7.84776, 0.7),
  spot('Kata Palm', 'กะตะ ปาล์ม', KARON, 98.3001, 7.81874, 0.7),
  spot('Big C Kamala', 'บิ๊กซี กมลา', KAMALA, 98.28051, 7.94748, 0.5),
  spot('Surin Beach', 'หาดสุรินทร์', CHOENG_THALE, 98.2806, 7.97543, 0.7, true),
  spot('Lotus Cherngtalay', 'โลตัสเชิงทะเล', CHOENG_THALE, 98.302, 7.98565, 0.3),
  spot('Thalang Hospital', 'โรงพยาบาลถลาง', THEP_KRASATTRI, 98.33863, 8.02309, 0.05),
  spot('Baan Khian', 'บ้านเคียน', THEP_KRASATTRI, 98.32995, 8.02672, 0.05),
  spot('Phuket Airport', 'สนามบินภูเก็ต', MAI_KHAO, 98.30655, 8.10846, 0.8),
];
