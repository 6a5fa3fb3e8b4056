import { z } from 'zod';
import { LonLat } from '../model';

const Millis = z.number().int().nonnegative();
const Text = (max: number) => z.string().max(max);

/** CAP 1.2 `status`: only Actual is real; Exercise, Test, System and Draft must never look like it. */
export const WarningStatus = z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']);
export type WarningStatus = z.infer<typeof WarningStatus>;

/** CAP 1.2 `msgType`. Ack and Error are answers between systems, never shown as warnings. */
export const WarningMsgType = z.enum(['Alert', 'Update', 'Cancel']);
export type WarningMsgType = z.infer<typeof WarningMsgType>;

/** CAP 1.2 `severity`, the colour of the area on the map. */
export const WarningSeverity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']);
export type WarningSeverity = z.infer<typeof WarningSeverity>;

/** One CAP `info` block: the words of a warning in one language. */
export const WarningText = z.object({
  /** RFC 3066 language, e.g. `th` or `en-US` (CAP defaults to en-US). */
  language: Text(35),
  event: Text(200),
  headline: Text(400).nullable(),
  description: Text(8000).nullable(),
  instruction: Text(8000).nullable(),
  senderName: Text(200).nullable(),
});
export type WarningText = z.infer<typeof WarningText>;

/** A ring of at least four points, closed (CAP `polygon`). */
const Ring = z.array(LonLat).min(4).max(20_000);

/** One CAP `area`: what the warning covers, as polygons and circles. */
export const WarningArea = z.object({
  description: Text(400),
  polygons: z.array(Ring).max(100),
  circles: z.array(z.object({ center: LonLat, radiusKm: z.number().finite().nonnegative().max(5_000) })).max(100),
});
export type WarningArea = z.infer<typeof WarningArea>;

/**
 * A public warning from a CAP 1.2 (or 1.1) message: heavy rain, high waves, a tsunami. The id is the CAP
 * `sender,identifier` pair; an Update or Cancel replaces the messages it references.
 */
export const Warning = z.object({
  id: z.string().min(1).max(512),
  sender: Text(256),
  identifier: Text(256),
  status: WarningStatus,
  msgType: WarningMsgType,
  /** CAP `scope`; Restricted and Private messages are kept but marked. */
  scope: z.enum(['Public', 'Restricted', 'Private']),
  severity: WarningSeverity,
  urgency: z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']),
  certainty: z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']),
  /** CAP `category` values of the first info block (Met, Geo, Safety, …). */
  categories: z.array(Text(20)).max(12),
  /** One per language kept (Thai and English first). */
  texts: z.array(WarningText).min(1).max(4),
  areas: z.array(WarningArea).min(1).max(50),
  /** The `sender,identifier,sent` triples this message updates or cancels. */
  references: z.array(Text(800)).max(50),
  web: Text(1000).nullable(),
  sentAt: Millis,
  effectiveAt: Millis.nullable(),
  onsetAt: Millis.nullable(),
  /** After this the warning leaves the map; null means until cancelled. */
  expiresAt: Millis.nullable(),
  /** When the console received it: the cache shows its age from this. */
  observedAt: Millis,
});
export type Warning = z.infer<typeof Warning>;
