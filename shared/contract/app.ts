import { z } from 'zod';

/** Which host the renderer is talking to. */
export const HostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKind>;

/** What the console reports about itself (shown in the status bar and the about box). */
export const AppInfo = z.object({
  name: z.string().min(1).max(100),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/, 'must be a semantic version'),
  host: HostKind,
  /** Milliseconds since the Unix epoch when the host started. */
  startedAt: z.number().int().nonnegative(),
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
