import { z } from 'zod';
import { HostKind } from './app';

const Path = z.string().min(1).max(1000);

/** One body of data the console ships, and the terms it ships under. */
export const DataLicence = z.object({
  data: z.string().min(1).max(200),
  licence: z.string().min(1).max(200),
  attribution: z.string().max(300),
});

/** The About window: what is running, where its files are, what it talks to, and the data licences. */
export const AboutInfo = z.object({
  name: z.string().min(1).max(100),
  version: z.string().min(1).max(50),
  /** The build: a CI build id where one was stamped, else "development" or "release". */
  build: z.string().min(1).max(100),
  host: HostKind,
  versions: z.object({ electron: z.string().max(50).nullable(), chromium: z.string().max(50).nullable(), node: z.string().min(1).max(50) }),
  os: z.string().min(1).max(100),
  dataDir: Path.nullable(),
  logDir: Path.nullable(),
  /** Where crash dumps are written (Electron only; nothing is uploaded). */
  crashDumps: Path.nullable(),
  /** The platform's address, credentials and query removed; null when none is configured. */
  platform: z.object({ label: z.string().max(100), url: z.string().max(500) }).nullable(),
  licences: z.array(DataLicence).max(20),
});
export type AboutInfo = z.infer<typeof AboutInfo>;

/** A command of the application menu (Electron) or the menu button (browser) that the window carries out. */
export const AppCommand = z.enum(['export-audit', 'export-profile', 'import-profile', 'windows', 'language-en', 'language-th', 'keys', 'about', 'settings']);
export type AppCommand = z.infer<typeof AppCommand>;
export const AppCommandEvent = z.object({ command: AppCommand });
