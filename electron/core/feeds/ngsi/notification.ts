import { z } from 'zod';

/** An NGSI-LD Notification (CIM 009 §5.3.1): what the broker sends for a subscription. No sequence number. */
export const Notification = z.object({
  type: z.literal('Notification'),
  id: z.string().max(256).optional(),
  subscriptionId: z.string().max(256).optional(),
  notifiedAt: z.string().max(64).optional(),
  data: z.array(z.unknown()).max(100_000),
});
export type Notification = z.infer<typeof Notification>;

/** The MQTT binding's message (CIM 009 §7): header-like pairs beside the Notification. */
const Envelope = z.object({
  metadata: z.record(z.string().max(200), z.unknown()).optional(),
  body: z.unknown(),
});

export type Parsed = { ok: true; notification: Notification } | { ok: false; reason: string };

const describeIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'} ${issue.message}` : 'invalid';
};

/** Content types a notification may declare; anything else is refused rather than guessed at. */
const JSON_TYPES = /^application\/(ld\+)?json\b/i;

/**
 * One notification message as it arrives (an MQTT payload or an HTTP body): the MQTT binding's
 * `{metadata, body}` envelope, or a bare Notification. Never throws; a refusal says why.
 */
export function parseNotificationMessage(text: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notification is not JSON' };
  }
  let body = json;
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'body' in json && !('type' in json)) {
    const envelope = Envelope.safeParse(json);
    if (!envelope.success) return { ok: false, reason: `notification envelope: ${describeIssue(envelope.error)}` };
    const contentType = envelope.data.metadata?.['Content-Type'] ?? envelope.data.metadata?.['content-type'];
    if (typeof contentType === 'string' && !JSON_TYPES.test(contentType)) return { ok: false, reason: `notification of type ${contentType.slice(0, 60)} is not JSON` };
    body = envelope.data.body;
  }
  const parsed = Notification.safeParse(body);
  if (!parsed.success) return { ok: false, reason: `not an NGSI-LD Notification: ${describeIssue(parsed.error)}` };
  return { ok: true, notification: parsed.data };
}

/** A deleted entity in a Notification (trigger entityDeleted): its id and type with `deletedAt`, no attributes. */
export function deletionOf(raw: unknown): { id: string; type: string } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('deletedAt' in raw)) return null;
  const parsed = z.object({ id: z.string().min(1).max(256), type: z.string().min(1).max(100) }).safeParse(raw);
  return parsed.success ? parsed.data : null;
}
