import { z } from 'zod';

/** Which host the renderer is talking to. */
export const HostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKind>;

/**
 * Where the console's operator profile came from. configured: the PHUKET_OPERATOR_* settings;
 * demo: nothing set and the built-in emulator is the platform, so a demo supervisor; viewer: nothing
 * set against any other platform, so the console only shows and refuses every action.
 */
export const ProfileMode = z.enum(['configured', 'demo', 'viewer']);
export type ProfileMode = z.infer<typeof ProfileMode>;

/** What the console reports about itself (shown in the status bar and the about box). */
export const AppInfo = z.object({
  name: z.string().min(1).max(100),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/, 'must be a semantic version'),
  host: HostKind,
  /** Milliseconds since the Unix epoch when the host started. */
  startedAt: z.number().int().nonnegative(),
  profileMode: ProfileMode,
  /** False when no platform is configured at all: the console says so rather than "unreachable". */
  platformConfigured: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Sent once to each window when the host has bound its handlers and can answer requests. */
export const HostReady = z.object({
  host: HostKind,
  at: z.number().int().nonnegative(),
});
export type HostReady = z.infer<typeof HostReady>;

/** Requests that take no argument send an empty object, so every payload is an object on the wire. */
export const NoInput = z.object({}).strict();
export type NoInput = z.infer<typeof NoInput>;
