import type { OutboxEntry } from '../../../shared/domain';
import type { BrokerConfig } from '../feeds/ngsi/http';
import { brokerHeaders, readCapped } from '../feeds/ngsi/http';
import type { DeliveryOutcome } from './planner';

const TIMEOUT_MS = 15_000;
const PROBLEM_BYTES = 64 * 1024;

/** The NGSI-LD PATCH body for an action. */
export function patchBody(entry: OutboxEntry): Record<string, unknown> {
  const { action } = entry;
  switch (action.kind) {
    case 'acknowledge':
      return { status: 'acknowledged' };
    case 'status':
      return { status: action.status };
    case 'note':
      return { notes: [{ id: action.noteId, text: action.text, author: entry.actor.name, at: new Date(entry.createdAt).toISOString() }] };
    case 'dispatch':
      return { status: 'dispatched', assignedUnits: action.unitIds };
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) * 1000 : undefined;
}

async function problemDetail(response: Response): Promise<string> {
  try {
    const body: unknown = JSON.parse(await readCapped(response, PROBLEM_BYTES));
    if (typeof body === 'object' && body !== null) {
      const detail = 'detail' in body ? body.detail : 'title' in body ? body.title : null;
      if (typeof detail === 'string') return detail.slice(0, 500);
    }
  } catch {
    // A refusal without a readable body still carries its status code.
  }
  return `HTTP ${response.status}`;
}

/**
 * Sends one action to the platform with its client-generated id (`X-Action-Id`), which the platform uses
 * to apply it at most once. 2xx: applied. 4xx: refused for good, with the platform's reason. Anything
 * else, or no answer: unknown, try again.
 */
export async function deliverAction(broker: BrokerConfig, entry: OutboxEntry, fetchImpl: typeof fetch = fetch): Promise<DeliveryOutcome> {
  const url = new URL(`/ngsi-ld/v1/entities/${encodeURIComponent(entry.action.incidentId)}/attrs`, broker.baseUrl);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'PATCH',
      headers: { ...brokerHeaders(broker), 'Content-Type': 'application/json', 'X-Action-Id': entry.actionId },
      body: JSON.stringify(patchBody(entry)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { kind: 'failed', reason: `platform unreachable: ${cause}` };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { kind: 'applied' };
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    return { kind: 'rejected', reason: await problemDetail(response) };
  }
  const after = retryAfter(response);
  await response.body?.cancel();
  return after === undefined ? { kind: 'failed', reason: `platform answered ${response.status}` } : { kind: 'failed', reason: `platform answered ${response.status}`, retryAfterMs: after };
}
