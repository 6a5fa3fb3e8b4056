import type { CitizenReport } from '../../shared/domain';

export type ReportFilter = 'open' | 'all';

export const isOpenReport = (r: CitizenReport): boolean => r.status !== 'done' && r.status !== 'rejected';

/** The list as shown: newest report first (ties by id, so the order never flickers), open ones only unless asked for all. */
export function visibleReports(reports: Iterable<CitizenReport>, filter: ReportFilter): CitizenReport[] {
  const out: CitizenReport[] = [];
  for (const r of reports) if (filter === 'all' || isOpenReport(r)) out.push(r);
  return out.sort((a, b) => b.reportedAt - a.reportedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where the arrow, Home/End and Page keys move the selection in a list of `count`; null for any other key. */
export function nextIndex(key: string, index: number, count: number, page = 10): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return index < 0 ? 0 : Math.min(last, index + 1);
    case 'ArrowUp':
      return index < 0 ? 0 : Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(0, index) + page);
    case 'PageUp':
      return Math.max(0, index - page);
    default:
      return null;
  }
}

/** Why a report cannot be attached to the selected incident, or null when it can. */
export function attachBlocker(report: CitizenReport, selectedIncidentId: string | null): 'linked' | 'no-incident' | null {
  if (report.incidentId !== null) return 'linked';
  return selectedIncidentId === null ? 'no-incident' : null;
}

/**
 * The console's CSP (shared/csp.ts) lets images come only from its own origin, data: and blob:, so a photo
 * on the platform is shown as its link instead of an image that would be blocked.
 */
export function photoAllowed(url: string, pageOrigin: string | null): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
    return pageOrigin !== null && parsed.origin === pageOrigin;
  } catch {
    return false;
  }
}

/** How long ago, in the largest whole unit (minutes, hours, days): the caller words it in the language. */
export function ageOf(ms: number): { value: number; unit: 'minute' | 'hour' | 'day' } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? { value: hours, unit: 'hour' } : { value: Math.floor(hours / 24), unit: 'day' };
}
