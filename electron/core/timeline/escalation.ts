import { z } from 'zod';
import { EscalationPolicy } from '../../../shared/contract';

/** How long an unacknowledged incident waits before it escalates: critical 60 s, high 3 min, medium 10 min; low and informational never. */
export const DEFAULT_ESCALATION: EscalationPolicy = { critical: 60_000, high: 180_000, medium: 600_000, low: null, informational: null };

const Override = EscalationPolicy.partial().strict();

/**
 * The policy from PHUKET_ESCALATION_MS, JSON of the severities to change, e.g. `{"critical":2000}` (null turns
 * one off); the rest keep their defaults. A bad value stops the start with a message naming it.
 */
export function escalationFromEnv(env: NodeJS.ProcessEnv): EscalationPolicy {
  const raw = env['PHUKET_ESCALATION_MS']?.trim();
  if (!raw) return DEFAULT_ESCALATION;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('PHUKET_ESCALATION_MS must be JSON, e.g. {"critical":60000,"high":180000}');
  }
  const parsed = Override.safeParse(json);
  if (!parsed.success) throw new Error(`PHUKET_ESCALATION_MS: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  const pick = (severity: keyof EscalationPolicy) => (parsed.data[severity] === undefined ? DEFAULT_ESCALATION[severity] : parsed.data[severity]);
  return { critical: pick('critical'), high: pick('high'), medium: pick('medium'), low: pick('low'), informational: pick('informational') };
}
