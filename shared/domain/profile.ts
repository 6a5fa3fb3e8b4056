import { z } from 'zod';
import { FeedId } from './feeds/registry';

/**
 * What one console window is for. map: the map wall; queue: the queue and the incident's detail; board: units by
 * agency and status with the active dispatches; status: feed health, alerts and live figures; all: today's
 * all-in-one console (one display, or a window opened with no role).
 */
export const WindowRole = z.enum(['all', 'map', 'queue', 'board', 'status']);
export type WindowRole = z.infer<typeof WindowRole>;

/** The roles a workstation spreads over its displays, in the order a new display is given one. */
export const SPLIT_ROLES = ['queue', 'map', 'board', 'status'] as const satisfies readonly WindowRole[];

const Pixels = z.number().int().min(-100_000).max(100_000);
const Size = z.number().int().min(1).max(100_000);

export const Rect = z.object({ x: Pixels, y: Pixels, width: Size, height: Size });
export type Rect = z.infer<typeof Rect>;

/** A display as the OS reports it (Electron's screen API, or PHUKET_FAKE_DISPLAYS). */
export const Display = z.object({
  id: z.number().int().nonnegative(),
  bounds: Rect,
  /** The part not covered by task bars; the bounds when not given. */
  workArea: Rect.optional(),
  primary: z.boolean().optional(),
});
export type Display = z.infer<typeof Display>;

/** How a role's panels are sized: percentages, in the layout's panel order. */
export const PanelSizes = z.array(z.number().finite().min(0).max(100)).max(8);

/** What an operator sets in a window, remembered per role across restarts. */
export const WindowSettings = z.object({
  /** Layer switches by feed; a feed missing here (a kind added since it was saved) keeps its default. */
  layers: z.partialRecord(FeedId, z.boolean()).optional(),
  filter: z
    .object({
      type: z.string().max(40).nullable(),
      status: z.string().max(40).nullable(),
      district: z.string().max(200).nullable(),
      agency: z.string().max(40).nullable(),
      text: z.string().max(200),
    })
    .partial()
    .optional(),
  soundOn: z.boolean().optional(),
  panelSizes: PanelSizes.optional(),
  language: z.enum(['en', 'th']).optional(),
});
export type WindowSettings = z.infer<typeof WindowSettings>;

/** One window of a profile: which display it lives on, where, and how its panels are laid out. */
export const ProfileWindow = z.object({
  role: WindowRole,
  displayId: z.number().int().nonnegative(),
  bounds: Rect.nullable(),
  panelSizes: PanelSizes.nullable(),
});
export type ProfileWindow = z.infer<typeof ProfileWindow>;

export const PROFILE_VERSION = 2;

/** A workstation's window profile, version 2 (the current one). */
export const WindowProfile = z.object({
  version: z.literal(PROFILE_VERSION),
  name: z.string().min(1).max(100),
  windows: z.array(ProfileWindow).max(16),
  roleSettings: z.partialRecord(WindowRole, WindowSettings),
});
export type WindowProfile = z.infer<typeof WindowProfile>;

/** Version 1 only mapped display ids to roles (the first wall layouts); kept so an old export still imports. */
const ProfileV1 = z.object({
  version: z.literal(1),
  name: z.string().min(1).max(100).optional(),
  displays: z.record(z.string().regex(/^\d+$/), WindowRole),
});

export class ProfileError extends Error {}

/** Reads any known version of a profile and brings it to the current one; a newer or unknown one is refused. */
export function migrateProfile(raw: unknown): WindowProfile {
  const version = z.object({ version: z.number().int() }).safeParse(raw);
  if (!version.success) throw new ProfileError('not a window profile: no version');
  if (version.data.version > PROFILE_VERSION) throw new ProfileError(`profile version ${version.data.version} is newer than this console (${PROFILE_VERSION})`);
  if (version.data.version === 1) {
    const v1 = ProfileV1.safeParse(raw);
    if (!v1.success) throw new ProfileError(`profile version 1 is damaged: ${v1.error.issues[0]?.message ?? 'invalid'}`);
    const windows = Object.entries(v1.data.displays).map(([id, role]) => ({ role, displayId: Number(id), bounds: null, panelSizes: null }));
    return { version: PROFILE_VERSION, name: v1.data.name ?? 'Migrated', windows, roleSettings: {} };
  }
  const current = WindowProfile.safeParse(raw);
  if (!current.success) throw new ProfileError(`profile is damaged: ${current.error.issues[0]?.message ?? 'invalid'}`);
  return current.data;
}

/** The default roles for a number of displays: one is the all-in-one console; more split the roles, extras are map walls. */
export function defaultRoles(count: number): WindowRole[] {
  if (count <= 0) return [];
  if (count === 1) return ['all'];
  return Array.from({ length: count }, (_, i) => SPLIT_ROLES[i] ?? 'map');
}

/** An empty profile: the planner fills every display from the defaults. */
export function defaultProfile(): WindowProfile {
  return { version: PROFILE_VERSION, name: 'Default', windows: [], roleSettings: {} };
}
