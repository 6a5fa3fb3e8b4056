import { Random } from '../city/random';
import type { ReportKind } from './catalogue';
import { REPORT_KINDS } from './catalogue';
import { SPOTS } from './spots';

export const REPORT_STATUSES = ['waiting', 'in-progress', 'forwarded', 'done', 'rejected'] as const;
export type SimReportStatus = (typeof REPORT_STATUSES)[number];

export interface SimReport {
  readonly id: string;
  readonly category: string;
  readonly description: string;
  readonly lon: number;
  readonly lat: number;
  readonly address: string;
  status: SimReportStatus;
  readonly agency: string;
  incidentId: string | null;
  readonly reportedAt: number;
  updatedAt: number;
  /** The agency's next steps, in time order: applied as the simulated clock passes them. */
  readonly plan: { at: number; status: SimReportStatus }[];
}

const MINUTE = 60_000;
/** One new report every 8 simulated minutes on average: about 180 a day. */
const MEAN_ARRIVAL_MS = 8 * MINUTE;
/** A finished report stays listed this long, then drops out. */
export const ENDED_KEPT_MS = 6 * 60 * MINUTE;
/** The collection never lists more than this: the oldest finished ones go first. */
export const MAX_REPORTS = 300;
/** A fresh emulator already has the last few hours of reports. */
const HISTORY_MS = 12 * 60 * MINUTE;
/** Within this of a spot (degrees, about 45 m): near it, never out at sea (tested). */
const JITTER_DEG = 0.0004;

export const isEnded = (status: SimReportStatus): boolean => status === 'done' || status === 'rejected';

export type PatchOutcome = { status: 204 } | { status: 404 | 409; detail: string };

/**
 * The city's citizen reports: new ones arrive and the agencies work through them on the simulated clock,
 * all drawn from the seed on a stream of their own (so the city's own draws are unchanged), and each drawn
 * at its own time, not the tick's: the same seed gives the same reports whatever the tick sizes.
 */
export class ReportBook {
  private readonly rng: Random;
  private readonly reports = new Map<string, SimReport>();
  private nextArrivalAt: number;
  private counter = 0;
  /** Bumped on every change, so the publisher re-renders only when something changed. */
  version = 0;

  constructor(seed: number, startMs: number) {
    this.rng = new Random((seed ^ 0x5eed_0f13) >>> 0);
    this.nextArrivalAt = startMs - HISTORY_MS;
    this.tick(startMs);
  }

  get size(): number {
    return this.reports.size;
  }

  list(): SimReport[] {
    return [...this.reports.values()];
  }

  get(id: string): SimReport | undefined {
    return this.reports.get(id);
  }

  tick(nowMs: number): void {
    while (this.nextArrivalAt <= nowMs) {
      this.arrive(this.nextArrivalAt);
      this.nextArrivalAt += Math.max(MINUTE / 2, -Math.log(1 - this.rng.next()) * MEAN_ARRIVAL_MS);
    }
    for (const report of this.reports.values()) {
      while (report.plan[0] !== undefined && report.plan[0].at <= nowMs) {
        const step = report.plan.shift();
        if (step === undefined) break;
        report.status = step.status;
        report.updatedAt = step.at;
        this.version++;
      }
    }
    this.dropOld(nowMs);
  }

  /**
   * Links a report to an incident (and optionally sets its status). Linking again to the same incident
   * changes nothing; a report already linked to another incident is a conflict for the caller to resolve.
   */
  patch(id: string, change: { incidentId?: string | undefined; status?: SimReportStatus | undefined }, nowMs: number): PatchOutcome {
    const report = this.reports.get(id);
    if (report === undefined) return { status: 404, detail: `no report ${id}` };
    if (change.incidentId !== undefined && report.incidentId !== null && report.incidentId !== change.incidentId) {
      return { status: 409, detail: `report ${id} is already linked to ${report.incidentId}` };
    }
    const linking = change.incidentId !== undefined && report.incidentId === null;
    const moving = change.status !== undefined && change.status !== report.status;
    if (!linking && !moving) return { status: 204 };
    if (change.incidentId !== undefined) report.incidentId = change.incidentId;
    if (change.status !== undefined && moving) {
      report.status = change.status;
      // The agency's own plan no longer applies once someone else has moved the report.
      report.plan.length = 0;
    }
    // Strictly later than the last version, so a consumer that keeps the latest never takes this for a repeat.
    report.updatedAt = Math.max(nowMs, report.updatedAt + 1);
    this.version++;
    return { status: 204 };
  }

  private arrive(at: number): void {
    const spot = this.rng.pick(SPOTS);
    const kinds = REPORT_KINDS.filter((k) => spot.beach || k.beachOnly !== true);
    const kind = this.rng.weighted(kinds.map((k): [ReportKind, number] => [k, k.weight]));
    const tourist = this.rng.chance(spot.tourists);
    this.counter++;
    const id = `PKT-${new Date(at).getUTCFullYear()}-${String(this.counter).padStart(6, '0')}`;
    const report: SimReport = {
      id,
      category: kind.category,
      description: this.rng.pick(tourist ? kind.visitor : kind.th),
      lon: round(spot.lon + this.rng.between(-JITTER_DEG, JITTER_DEG)),
      lat: round(spot.lat + this.rng.between(-JITTER_DEG, JITTER_DEG)),
      address: tourist ? `Near ${spot.en}, ${spot.subdistrict.en}, Phuket` : `ใกล้${spot.th} ต.${spot.subdistrict.th} จ.ภูเก็ต`,
      status: 'waiting',
      agency: kind.agency(spot),
      incidentId: null,
      reportedAt: at,
      updatedAt: at,
      plan: this.planFrom(at),
    };
    this.reports.set(id, report);
    this.version++;
  }

  /** Traffy Fondue's usual path: taken on (or refused), sometimes forwarded to another agency, then done. */
  private planFrom(at: number): { at: number; status: SimReportStatus }[] {
    const takenAt = at + this.rng.between(5, 60) * MINUTE;
    if (this.rng.chance(0.1)) return [{ at: takenAt, status: 'rejected' }];
    const plan: { at: number; status: SimReportStatus }[] = [{ at: takenAt, status: 'in-progress' }];
    let t = takenAt;
    if (this.rng.chance(0.2)) {
      t += this.rng.between(10, 90) * MINUTE;
      plan.push({ at: t, status: 'forwarded' });
    }
    plan.push({ at: t + this.rng.between(30, 300) * MINUTE, status: 'done' });
    return plan.map((step) => ({ at: Math.round(step.at), status: step.status }));
  }

  private dropOld(nowMs: number): void {
    for (const [id, report] of this.reports) {
      if (isEnded(report.status) && report.updatedAt < nowMs - ENDED_KEPT_MS) {
        this.reports.delete(id);
        this.version++;
      }
    }
    if (this.reports.size <= MAX_REPORTS) return;
    // Over the bound: finished ones first, then the oldest open ones (a flood of reports must not grow the feed).
    const byAge = [...this.reports.values()].sort((a, b) => Number(isEnded(b.status)) - Number(isEnded(a.status)) || a.updatedAt - b.updatedAt);
    for (const report of byAge.slice(0, this.reports.size - MAX_REPORTS)) this.reports.delete(report.id);
    this.version++;
  }
}

const round = (deg: number): number => Math.round(deg * 1e6) / 1e6;
