import { z } from 'zod';

/** Where one value of the console's config came from (electron/core/settings). */
export const SettingSourceName = z.enum(['default', 'machine', 'user', 'platform-file', 'environment']);

/** The config in effect, for the settings view: every value with its origin; secrets never leave the host. */
export const SettingsView = z.object({
  entries: z
    .array(
      z.object({
        path: z.string().min(1).max(200),
        /** JSON of the value, or "[redacted]" for a secret. */
        value: z.string().max(10_000),
        source: SettingSourceName,
        file: z.string().max(1000).nullable(),
        /** Set by IT (the machine-wide file or the environment): shown read-only. */
        deployed: z.boolean(),
      }),
    )
    .max(500),
  files: z.array(z.object({ source: SettingSourceName, path: z.string().max(1000), read: z.boolean() })).max(10),
});
export type SettingsView = z.infer<typeof SettingsView>;

/**
 * The settings a supervisor may change from the console: the user-level file's local values. Everything else
 * (the platform, the operator and role, updates) is IT's, deployed in the machine-wide file or the environment.
 */
export const USER_SETTING_KEYS = ['logLevel', 'workstation'] as const;
export type UserSettingKey = (typeof USER_SETTING_KEYS)[number];

/** The log levels a config accepts (electron/core/log/fileLogger's LogLevel, checked equal there). */
export const SettingsLogLevel = z.enum(['debug', 'info', 'warn', 'error']);

/** A change to the user file: a value sets the key, null removes it (the layer below shows through). */
export const SettingsUpdate = z
  .object({
    logLevel: SettingsLogLevel.nullable().optional(),
    workstation: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict()
  .refine((update) => Object.values(update).some((value) => value !== undefined), 'names at least one setting');
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/** The config in effect after the change, re-read from the files, and what changed (it applies at the next start). */
export const SettingsUpdated = z.object({
  view: SettingsView,
  changed: z.array(z.enum(USER_SETTING_KEYS)).max(USER_SETTING_KEYS.length),
  restartRequired: z.boolean(),
});
export type SettingsUpdated = z.infer<typeof SettingsUpdated>;
