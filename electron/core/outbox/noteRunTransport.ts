import type { OutboxEntry } from '../../../shared/domain';
import type { BrokerConfig } from '../feeds/ngsi/http';
import { brokerHeaders } from '../feeds/ngsi/http';
import type { RunOutcome } from './actionDelivery';
import { noteInstance, pathFor, problemDetail, retryAfter, unreachable } from './transport';

const TIMEOUT_MS = 15_000;

/**
 * Sends consecutive notes of one incident as one standard NGSI-LD Append Entity Attributes: `notes` as an array
 * of instances, each with its own datasetId, so the platform adds each without touching the others and a resent
 * instance replaces itself. X-Action-Id lists the actions' ids in the same order, so a platform that keeps an action
 * log applies each once. A 2xx other than 207: all applied. 401/403: the credentials, as for one action. No answer,
 * 408, 429 or 5xx: nothing known, all retried. Any other refusal (a platform that takes one instance per request,
 * a 207 that applied only some, an incident it does not know): each goes alone, and learns its own outcome.
 */
export async function deliverNoteRun(broker: BrokerConfig, entries: readonly OutboxEntry[], fetchImpl: typeof fetch = fetch): Promise<RunOutcome> {
  const head = entries[0];
  if (head === undefined) return { kind: 'split', reason: 'an empty run' };
  let response: Response;
  try {
    response = await fetchImpl(new URL(pathFor(head.action), broker.baseUrl), {
      method: 'POST',
      headers: { ...brokerHeaders(broker), 'Content-Type': 'application/json', 'X-Action-Id': entries.map((e) => e.actionId).join(',') },
      body: JSON.stringify({ notes: entries.map(noteInstance) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return unreachable(error);
  }
  if (response.ok && response.status !== 207) {
    await response.body?.cancel();
    return { kind: 'applied' };
  }
  if (response.status === 401 || response.status === 403) {
    return { kind: 'unauthorized', status: response.status === 401 ? 401 : 403, reason: await problemDetail(response) };
  }
  if (response.status === 207 || (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)) {
    return { kind: 'split', reason: `${response.status}: ${await problemDetail(response)}` };
  }
  const after = retryAfter(response);
  await response.body?.cancel();
  const reason = `platform answered ${response.status}`;
  return after === undefined ? { kind: 'failed', reason } : { kind: 'failed', reason, retryAfterMs: after };
}
