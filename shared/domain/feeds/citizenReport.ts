import { z } from 'zod';
import { LonLat } from '../model';

const Millis = z.number().int().nonnegative();

/** Where a report stands with the responsible agency (the stages of Thailand's Traffy Fondue). */
export const ReportStatus = z.enum(['waiting', 'in-progress', 'forwarded', 'done', 'rejected']);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** What residents and tourists report; anything else is `other` with its own words kept. */
export const ReportCategory = z.enum(['road', 'flooding', 'lighting', 'waste', 'traffic', 'safety', 'noise', 'animal', 'beach', 'other']);
export type ReportCategory = z.infer<typeof ReportCategory>;

/** A report from a resident or a tourist: a photo, a category, a place, and the agency's progress on it. */
export const CitizenReport = z.object({
  id: z.string().min(1).max(256),
  category: ReportCategory,
  /** The category as the reporter's app named it, kept when it is not one we know. */
  categoryText: z.string().max(100).nullable(),
  description: z.string().max(4000),
  position: LonLat,
  address: z.string().max(400).nullable(),
  /** An http(s) link to the photo; the console shows it only from the platform it came from. */
  photoUrl: z.string().max(2000).nullable(),
  status: ReportStatus,
  /** The agency responsible for it, as the platform names it. */
  agency: z.string().max(200).nullable(),
  /** The incident an operator promoted it to or attached it to. */
  incidentId: z.string().max(256).nullable(),
  reportedAt: Millis,
  observedAt: Millis,
});
export type CitizenReport = z.infer<typeof CitizenReport>;
