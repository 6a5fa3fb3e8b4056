import { randomBytes } from 'node:crypto';

// RFC 9562 UUIDv7: 48-bit Unix ms, then 12 bits used as a counter (method 1 of §6.2) so ids made in
// the same millisecond, or after the clock stepped back, still sort in creation order within this process.
let lastMs = -1;
let counter = 0;
const COUNTER_MAX = 0xfff;

/** A new action id: a UUIDv7 that sorts by creation time. */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = Math.max(Math.floor(now), lastMs);
  if (ms === lastMs) {
    counter += 1;
    if (counter > COUNTER_MAX) {
      ms += 1;
      counter = 0;
    }
  } else {
    // Start in the lower half so there is room to count up within the millisecond.
    counter = bytes.readUInt16BE(6) & 0x7ff;
  }
  lastMs = ms;
  bytes.writeUIntBE(ms, 0, 6);
  bytes.writeUInt16BE(0x7000 | counter, 6);
  bytes.writeUInt8(0x80 | (bytes.readUInt8(8) & 0x3f), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
