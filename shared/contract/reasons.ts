import { z } from 'zod';

/**
 * Why, as a code with parameters: the core says what happened and the renderer says it in the operator's
 * language (`reasons.<code>` in renderer/i18n). The English `detail` or message that travels beside it is
 * for logs and is the fallback for a code a window does not know.
 */
export const REASON_CODES = [
  // Feed health and the source's links.
  'live',
  'connecting-platform',
  'reading-platform',
  'no-platform',
  'no-data',
  'data-late',
  'rejected-data',
  'connecting-to',
  'reconnecting-to',
  'broker-answers',
  'broker-unreachable',
  'starting-notifications',
  'notifications-failed',
  'notify-endpoint-opening',
  'notify-endpoint-open',
  'mqtt-subscribe-failed',
  'mqtt-topic-refused',
  'mqtt-subscribed',
  'mqtt-offline',
  'mqtt-offline-error',
  'mqtt-closed',
  'mqtt-closed-error',
  'links-closed',
  'source-failed',
  // Refused actions.
  'role-not-allowed',
  'store-unavailable',
  'unknown-incident',
  'unknown-unit',
  'lifecycle-move',
  'incident-closed-note',
  'incident-closed-sop',
  'incident-exists',
  'unit-action-on-incident',
  'unit-duty-busy',
  'unit-duty-same',
  // Settings.
  'setting-deployed',
  'setting-invalid',
] as const;

export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const ReasonParams = z
  .record(z.string().max(40), z.union([z.string().max(300), z.number().finite()]))
  .refine((params) => Object.keys(params).length <= 8, 'at most 8 parameters');
export type ReasonParams = z.infer<typeof ReasonParams>;

export const CodedReason = z.object({ code: ReasonCode, params: ReasonParams.optional() });
export type CodedReason = z.infer<typeof CodedReason>;

/** A coded reason, with its parameters bounded to what the schema accepts. */
export function coded(code: ReasonCode, params?: Record<string, string | number>): CodedReason {
  if (params === undefined) return { code };
  const bounded: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params).slice(0, 8)) bounded[key.slice(0, 40)] = typeof value === 'string' ? value.slice(0, 300) : value;
  return { code, params: bounded };
}

/** A coded reason carried by a thrown error (the core's ActionRefused), if it has a valid one. */
export function reasonOf(error: unknown): CodedReason | undefined {
  if (typeof error !== 'object' || error === null || !('reason' in error)) return undefined;
  const parsed = CodedReason.safeParse(error.reason);
  return parsed.success ? parsed.data : undefined;
}

const MARK = '\n#reason:';

/**
 * An Error for a refused request that keeps its coded reason through Electron's contextBridge, which copies
 * only an error's message: the code rides at the end of the message and `refusal()` takes it off again.
 */
export function refusalError(message: string, reason: CodedReason | undefined): Error {
  return new Error(reason === undefined ? message : `${message}${MARK}${JSON.stringify(reason)}`);
}

/** What a window shows of a refusal: the English text, and the coded reason if the core gave one. */
export function refusal(error: unknown): { text: string; reason?: CodedReason } {
  const message = error instanceof Error ? error.message : String(error);
  const at = message.lastIndexOf(MARK);
  if (at < 0) return { text: message };
  const text = message.slice(0, at);
  try {
    const parsed = CodedReason.safeParse(JSON.parse(message.slice(at + MARK.length)));
    return parsed.success ? { text, reason: parsed.data } : { text };
  } catch {
    return { text };
  }
}
