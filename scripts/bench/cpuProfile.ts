/** A V8 CPU profile (from `node --cpu-prof` or CDP's Profiler) and the functions with the most self time in it. */
import { z } from 'zod';

export const CpuProfile = z.object({
  nodes: z.array(z.object({ id: z.number(), callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }) })),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof CpuProfile>;
type CallFrame = CpuProfile['nodes'][number]['callFrame'];

/** `where` names a frame's place after its function name (a file and line, or only the line). */
export function topFunctions(profile: CpuProfile, n: number, where: (frame: CallFrame) => string): { fn: string; ms: number; share: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    if (frame === undefined) return;
    const key = `${frame.functionName || '(anonymous)'}${frame.url === '' ? '' : where(frame)}`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
}
