import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The on-premises update feed electron-builder writes beside the installers (latest.yml, latest-linux.yml):
 * checked here before electron-updater is let near it, so a feed that names another server, a malformed
 * checksum or a version that is not one is refused with the reason.
 */
const Sha512 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 SHA-512 (88 characters)')
  .refine((value) => Buffer.from(value, 'base64').length === 64, 'must be 64 bytes');

/** A file name beside latest.yml: no scheme, no host, no way up or out of the folder. */
const FileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._ -]+$/, 'must be a file name in the feed folder (no scheme, host or path)')
  .refine((name) => name !== '.' && name !== '..', 'must be a file name');

export const UpdateFile = z.object({ url: FileName, sha512: Sha512, size: z.number().int().positive().max(4 * 1024 ** 3) });

export const UpdateFeed = z.looseObject({
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'must be a semantic version'),
  files: z.array(UpdateFile).min(1).max(20),
  releaseDate: z.iso.datetime({ offset: true }),
  /** Older electron-builder feeds repeat the main file here; when present it must be one of `files`. */
  path: FileName.optional(),
  sha512: Sha512.optional(),
});
export type UpdateFeed = z.infer<typeof UpdateFeed>;

export type FeedResult = { readonly ok: true; readonly feed: UpdateFeed } | { readonly ok: false; readonly reason: string };

/** Parses and validates a latest.yml text. YAML aliases and custom tags are refused (no expansion bombs). */
export function parseUpdateFeed(text: string): FeedResult {
  if (text.length > 64 * 1024) return { ok: false, reason: 'the feed is larger than 64 KB' };
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 0, customTags: [], uniqueKeys: true });
  } catch (error) {
    return { ok: false, reason: `not YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const parsed = UpdateFeed.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'feed'}: ${i.message}`).join('; ') };
  const feed = parsed.data;
  if (feed.path !== undefined && !feed.files.some((f) => f.url === feed.path && (feed.sha512 === undefined || f.sha512 === feed.sha512))) {
    return { ok: false, reason: 'path/sha512 name a file that is not in files' };
  }
  return { ok: true, feed };
}

/** The feed file electron-updater reads on this OS. */
export function feedFileName(platform: NodeJS.Platform): string {
  if (platform === 'linux') return 'latest-linux.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return 'latest.yml';
}

/** Fetches `<base>/<feed file>` with a deadline and validates it; every failure is a reason, never a throw. */
export async function fetchUpdateFeed(base: string, platform: NodeJS.Platform, options: { timeoutMs?: number } = {}): Promise<FeedResult> {
  let url: URL;
  try {
    url = new URL(feedFileName(platform), base.endsWith('/') ? base : `${base}/`);
  } catch {
    return { ok: false, reason: `not a URL: ${base}` };
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), redirect: 'error' });
    if (!response.ok) return { ok: false, reason: `${url.href}: HTTP ${response.status}` };
    return parseUpdateFeed(await response.text());
  } catch (error) {
    return { ok: false, reason: `${url.href}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** True when downloaded bytes are the file the feed describes (size and SHA-512). */
export function matchesFeedFile(bytes: Uint8Array, file: z.infer<typeof UpdateFile>): boolean {
  return bytes.length === file.size && createHash('sha512').update(bytes).digest('base64') === file.sha512;
}
