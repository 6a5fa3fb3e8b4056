import { z } from 'zod';
import { OperatorProfile } from '../../../shared/domain';
import { PlatformConfig } from '../config';
import { LogLevel } from '../log/fileLogger';

/** An on-premises update server (electron-updater's generic provider): off unless IT turns it on. */
export const UpdateSettings = z
  .object({
    enabled: z.boolean().default(false),
    /** The folder holding latest.yml and the installers. https only: the feed decides what gets installed. */
    url: z.url({ protocol: /^https$/ }).optional(),
    checkEveryHours: z.number().int().min(1).max(24 * 7).default(6),
  })
  .strict()
  .superRefine((updates, ctx) => {
    if (updates.enabled && updates.url === undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required when updates are enabled' });
  });
export type UpdateSettings = z.infer<typeof UpdateSettings>;

/**
 * One config file, machine-wide or the user's, and the effective config after layering: what IT can deploy.
 * The platform part is helper-owned `PlatformConfig` (electron/core/config.ts), so both read it the same way.
 */
export const ConsoleSettings = z
  .object({
    platform: PlatformConfig.optional(),
    /** Who acts at this console; both or neither (the role grants the power, so it is never guessed). */
    operator: OperatorProfile.pick({ name: true, role: true }).strict().optional(),
    /** This workstation's name in audit records and the MQTT client id (default: the host name). */
    workstation: OperatorProfile.shape.workstation.optional(),
    logLevel: LogLevel.default('info'),
    updates: UpdateSettings.default({ enabled: false, checkEveryHours: 6 }),
  })
  .strict();
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;

/** Where one value of the effective config came from. */
export const SettingSource = z.enum(['default', 'machine', 'user', 'platform-file', 'environment']);
export type SettingSource = z.infer<typeof SettingSource>;
