import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FeedId } from '../../shared/domain';

/** Where the console's data comes from. With none configured, `npm start` runs the built-in emulator. */
export const PlatformConfig = z.object({
  /** The broker's base URL; the NGSI-LD API is under /ngsi-ld/v1. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** NGSI-LD tenant (`NGSILD-Tenant` header), if the broker is multi-tenant. */
  tenant: z.string().min(1).max(100).nullable().default(null),
  /** Bearer token for the broker, if it needs one. */
  token: z.string().min(1).max(4000).nullable().default(null),
  feeds: z.array(FeedId).min(1).default(['traffic', 'units', 'incidents']),
  /** After this long without data on the traffic and units feeds, a connected stream counts as stalled. */
  silenceMs: z.number().int().min(1000).max(600_000).default(30_000),
  /** How the platform is named in the feed-health panel. */
  label: z.string().min(1).max(100).optional(),
});
export type PlatformConfig = z.infer<typeof PlatformConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
}

/**
 * Reads the platform from a JSON file (`PHUKET_PLATFORM_CONFIG`) or from `PHUKET_PLATFORM_URL`,
 * `PHUKET_PLATFORM_TENANT`, `PHUKET_PLATFORM_TOKEN`, `PHUKET_PLATFORM_FEEDS` (comma-separated) and `PHUKET_PLATFORM_SILENCE_MS`.
 * Returns null when nothing is configured; throws a ConfigError that says what is wrong otherwise.
 */
export function platformFromEnvironment(env: NodeJS.ProcessEnv): PlatformConfig | null {
  let raw: unknown = null;
  const file = env['PHUKET_PLATFORM_CONFIG'];
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`cannot read platform config ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else if (env['PHUKET_PLATFORM_URL']) {
    raw = {
      baseUrl: env['PHUKET_PLATFORM_URL'],
      tenant: env['PHUKET_PLATFORM_TENANT'] || null,
      token: env['PHUKET_PLATFORM_TOKEN'] || null,
      ...(env['PHUKET_PLATFORM_FEEDS'] ? { feeds: env['PHUKET_PLATFORM_FEEDS'].split(',').map((f) => f.trim()) } : {}),
      ...(env['PHUKET_PLATFORM_SILENCE_MS'] ? { silenceMs: Number(env['PHUKET_PLATFORM_SILENCE_MS']) } : {}),
    };
  } else return null;
  const parsed = PlatformConfig.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`platform config is invalid: ${describe(parsed.error)}`);
  return parsed.data;
}
