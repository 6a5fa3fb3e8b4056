import { reportOf } from '../../../shared/domain';
import type { ActionDelivery, DeliveryOutcome, RunOutcome } from './actionDelivery';

/** What linking a citizen report to an incident came to on the reports platform. */
export interface ReportLinkResult {
  readonly outcome: 'applied' | 'conflict' | 'not-found' | 'refused' | 'unreachable';
  readonly detail: string;
}

/** Links one report to one incident on the citizen-reports platform; idempotent, never throws. */
export type ReportLinker = (reportId: string, incidentId: string) => Promise<ReportLinkResult>;

/**
 * Actions that name a citizen report (a report promoted to an incident, or attached to one as a note) are
 * delivered in two steps: the incident's own change on the NGSI-LD platform, then the report linked to it on
 * the reports platform. Both steps are idempotent, so when the second cannot be done yet the whole action is
 * tried again (the create answers "already exists", the note lands on its own datasetId) and applied once.
 * A run of notes passes straight through: a note that names a report never joins one (planner noteRun).
 */
export function withReportLinks(inner: ActionDelivery, link: ReportLinker | null): ActionDelivery {
  const runs = inner.deliverNotes?.bind(inner);
  return {
    name: inner.name,
    ...(runs === undefined
      ? {}
      : {
          deliverNotes: (entries): Promise<RunOutcome> =>
            entries.some((e) => reportOf(e.action) !== null) ? Promise.resolve({ kind: 'split', reason: 'a note that names a report goes alone' }) : runs(entries),
        }),
    async deliver(entry, context): Promise<DeliveryOutcome> {
      const outcome = await inner.deliver(entry, context);
      const reportId = reportOf(entry.action);
      if (outcome.kind !== 'applied' || reportId === null || entry.action.kind === 'unit-service') return outcome;
      if (link === null) return { kind: 'rejected', reason: `the incident is updated, but no citizen-report platform is configured to link report ${reportId} to it` };
      let linked: ReportLinkResult;
      try {
        linked = await link(reportId, entry.action.incidentId);
      } catch (error) {
        linked = { outcome: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
      }
      switch (linked.outcome) {
        case 'applied':
          return outcome;
        case 'unreachable':
          return { kind: 'failed', reason: `report ${reportId} not linked yet: ${linked.detail}`.slice(0, 500) };
        case 'conflict':
          return { kind: 'rejected', reason: `report ${reportId} is already linked to another incident: ${linked.detail}`.slice(0, 500) };
        case 'not-found':
          return { kind: 'rejected', reason: `the reports platform does not know report ${reportId}: ${linked.detail}`.slice(0, 500) };
        case 'refused':
          return { kind: 'rejected', reason: `the reports platform refused to link report ${reportId}: ${linked.detail}`.slice(0, 500) };
      }
    },
  };
}
