import { z } from 'zod';
import { LonLat } from '../domain/model';
import { Severity } from '../domain/vocabulary';
import { WindowProfile, WindowRole, WindowSettings } from '../domain/profile';

const Id = z.string().min(1).max(256);

/** What is selected, and in which view (the other views follow: the map centres, the queue scrolls). */
export const Selection = z.object({ kind: z.enum(['incident', 'unit']), id: Id, from: z.enum(['map', 'queue']) }).nullable();
export type Selection = z.infer<typeof Selection>;

/** A named map view, shared by every window of the console. */
export const Bookmark = z.object({ id: Id, name: z.string().min(1).max(100), center: LonLat, zoom: z.number().finite().min(0).max(24) });
export type Bookmark = z.infer<typeof Bookmark>;

/**
 * What the core owns for all the console's windows and broadcasts to each: the selection, the incident being
 * worked on (it stays while a unit is selected) and the map bookmarks. `seq` orders the versions; `by` and `ticket`
 * say which window's request made it, so that window can ignore an echo older than its latest choice.
 */
export const SharedSelection = z.object({
  seq: z.number().int().nonnegative(),
  selection: Selection,
  activeIncidentId: Id.nullable(),
  bookmarks: z.array(Bookmark).max(100),
  by: z.string().max(64).nullable(),
  ticket: z.number().int().nonnegative(),
});
export type SharedSelection = z.infer<typeof SharedSelection>;

export const SelectRequest = z.object({ selection: Selection, ticket: z.number().int().nonnegative() });
export type SelectRequest = z.infer<typeof SelectRequest>;

export const BookmarkSave = z.object({ name: z.string().min(1).max(100), center: LonLat, zoom: z.number().finite().min(0).max(24) });
export const BookmarkDelete = z.object({ id: Id });

/** A window asks who it is; the role in its URL is a wish that the Electron host's own assignment overrides. */
export const IdentityRequest = z.object({ role: WindowRole.nullable() });

/** Who a window is, learnt before React mounts: its id, its role, its display, its remembered settings and the shared state. */
export const WindowIdentity = z.object({
  windowId: z.string().min(1).max(64),
  role: WindowRole,
  displayId: z.number().int().nonnegative().nullable(),
  settings: WindowSettings,
  shared: SharedSelection,
});
export type WindowIdentity = z.infer<typeof WindowIdentity>;

/** A window saves what its operator set, under its role (and its panel sizes for its display). */
export const SettingsSave = z.object({ role: WindowRole, settings: WindowSettings });

export const ProfileImport = z.object({ profile: z.unknown() });
export const ProfileExport = z.object({ profile: WindowProfile });

/** Live figures for the status wall: open incidents by severity, and the last hour's mean times to act. */
export const OpsFigures = z.object({
  at: z.number().int().nonnegative(),
  openBySeverity: z.record(Severity, z.number().int().nonnegative()),
  /** Mean milliseconds from report to acknowledgement, over incidents acknowledged in the last hour; null with none. */
  meanAckMs: z.number().nonnegative().nullable(),
  meanDispatchMs: z.number().nonnegative().nullable(),
  acknowledgedLastHour: z.number().int().nonnegative(),
  dispatchedLastHour: z.number().int().nonnegative(),
});
export type OpsFigures = z.infer<typeof OpsFigures>;
