import type { PlatformConfig } from '../config';
import type { ReportLinker } from '../outbox/reportLinks';
import { createCapSource } from './cap/capSource';
import { createGtfsRtSource } from './gtfsrt/gtfsRtSource';
import { ngsiSourceFromConfig } from './ngsi/fromConfig';
import { linkReport } from './reports/reportLink';
import { createReportsSource } from './reports/reportsSource';
import type { FeedSource } from './source';

/**
 * Every source a configured platform names: the NGSI-LD broker, and beside it each polled feed in its own
 * standard (CAP warnings, GTFS-realtime buses, citizen reports). Each keeps its own link in feed health.
 */
export function sourcesFromConfig(config: PlatformConfig, workstation: string): FeedSource[] {
  const { cap, gtfsRealtime, citizenReports } = config.sources;
  return [
    ngsiSourceFromConfig(config, workstation),
    ...(cap ? [createCapSource({ name: 'CAP warnings', indexUrl: cap.url, pollMs: cap.pollS * 1000 })] : []),
    ...(gtfsRealtime ? [createGtfsRtSource({ name: 'Smart Bus (GTFS-realtime)', url: gtfsRealtime.url, pollMs: gtfsRealtime.pollS * 1000 })] : []),
    ...(citizenReports ? [createReportsSource({ name: 'Citizen reports', url: citizenReports.url, pollMs: citizenReports.pollS * 1000 })] : []),
  ];
}

/** How a report promoted or attached here is linked to its incident on the reports platform, if one is configured. */
export function reportLinkerFromConfig(config: PlatformConfig): ReportLinker | null {
  const reports = config.sources.citizenReports;
  if (!reports) return null;
  return (reportId, incidentId) => linkReport({ reportsUrl: reports.url, reportId, incidentId });
}
