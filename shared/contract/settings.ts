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
