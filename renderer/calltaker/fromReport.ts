import type { CitizenReport, IncidentType, ReportCategory } from '../../shared/domain';

/** The incident type a report's category most likely is; the call-taker can change it before creating. */
const TYPE_OF_CATEGORY: Partial<Record<ReportCategory, IncidentType>> = {
  flooding: 'flood',
  traffic: 'traffic-accident',
  road: 'traffic-accident',
  safety: 'assault',
  beach: 'drowning',
};

export interface ReportDraft {
  type: IncidentType | null;
  /** "lon, lat" as the location field takes it. */
  position: CitizenReport['position'];
  description: string;
}

/** What a promoted citizen report puts in the new-incident form: its place, its words, a likely type. */
export function draftFromReport(report: CitizenReport): ReportDraft {
  const words = [report.description.trim(), report.address?.trim() ?? ''].filter((s) => s !== '').join(' · ');
  return { type: TYPE_OF_CATEGORY[report.category] ?? null, position: report.position, description: words.slice(0, 2000) };
}
