import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageJson = z.object({ name: z.string(), version: z.string() });

/** Name and version from the project's package.json, validated rather than trusted. */
export function readPackageInfo(path: string): z.infer<typeof PackageJson> {
  return PackageJson.parse(JSON.parse(readFileSync(path, 'utf8')));
}
