/**
 * `npx tsx scripts/bench/profileTop.ts <file.cpuprofile> [n]`: the functions with the most self time in a V8 CPU
 * profile (from `node --cpu-prof`), for a benchmark that misses its target: where the time goes, in one table.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { z } from 'zod';

const Profile = z.object({
  nodes: z.array(z.object({ id: z.number(), callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }) })),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

export function topFunctions(profile: z.infer<typeof Profile>, n: number): { fn: string; ms: number; share: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    if (frame === undefined) return;
    const where = frame.url === '' ? '' : ` ${relative(process.cwd(), frame.url.replace('file://', ''))}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
}

const [file, n] = process.argv.slice(2);
if (file !== undefined) console.table(topFunctions(Profile.parse(JSON.parse(readFileSync(file, 'utf8'))), Number(n ?? 25)));
