import type { AboutInfo } from '../../shared/contract/about';
import type { HostKind } from '../../shared/contract';

/** The data the console ships (README "Data and licences"), as the About window lists them. */
export const DATA_LICENCES: AboutInfo['licences'] = [
  { data: 'Roads, waterways, police, fire stations and hospitals', licence: 'ODbL 1.0', attribution: '© OpenStreetMap contributors' },
  { data: 'Phuket district and coastline boundaries', licence: 'CC BY-IGO 3.0', attribution: 'Boundaries: OCHA / Royal Thai Survey Department' },
  { data: 'Land of Thailand and its neighbours', licence: 'Public domain', attribution: 'Natural Earth' },
  { data: 'Noto Sans and Noto Sans Thai fonts', licence: 'SIL Open Font License 1.1', attribution: 'Noto fonts, Google' },
];

/** What the host knows and the core does not: the runtime, the folders and the platform. */
export interface AboutFacts {
  readonly name: string;
  readonly version: string;
  readonly build: string;
  readonly host: HostKind;
  /** process.versions: electron and chrome exist only in Electron. */
  readonly versions: Readonly<Record<string, string | undefined>>;
  /** e.g. "linux x64". */
  readonly os: string;
  readonly dataDir: string | null;
  readonly logDir: string | null;
  readonly crashDumps: string | null;
  readonly platform: { readonly label?: string | undefined; readonly baseUrl: string } | null;
}

/** The platform's address as safe to show: no user, password, query or fragment. */
function shownUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return '(invalid address)';
  }
}

/** The About window's content, from the host's facts. Pure. */
export function aboutInfo(facts: AboutFacts): AboutInfo {
  return {
    name: facts.name,
    version: facts.version,
    build: facts.build,
    host: facts.host,
    versions: { electron: facts.versions['electron'] ?? null, chromium: facts.versions['chrome'] ?? null, node: facts.versions['node'] ?? 'unknown' },
    os: facts.os,
    dataDir: facts.dataDir,
    logDir: facts.logDir,
    crashDumps: facts.crashDumps,
    platform: facts.platform ? { label: facts.platform.label ?? new URL(facts.platform.baseUrl).host, url: shownUrl(facts.platform.baseUrl) } : null,
    licences: DATA_LICENCES,
  };
}

let recorded: AboutFacts | null = null;

/** The host records its facts once started, so `app:about` needs no new core option. */
export function setAboutFacts(facts: AboutFacts): void {
  recorded = facts;
}

/** The About data; before the host has recorded anything, what the process itself can say. */
export function currentAbout(fallback: { name: string; version: string; host: HostKind }): AboutInfo {
  return aboutInfo(
    recorded ?? { ...fallback, build: 'development', versions: process.versions, os: `${process.platform} ${process.arch}`, dataDir: null, logDir: null, crashDumps: null, platform: null },
  );
}

/** Records this process's facts: the runtime's versions and OS are read here, the build from PHUKET_BUILD_ID. */
export function recordHost(facts: Omit<AboutFacts, 'versions' | 'os' | 'build'>): void {
  const packaged = facts.host === 'electron' && !process.defaultApp;
  setAboutFacts({ ...facts, versions: process.versions, os: `${process.platform} ${process.arch}`, build: process.env['PHUKET_BUILD_ID']?.trim() || (packaged ? 'release' : 'development') });
}
