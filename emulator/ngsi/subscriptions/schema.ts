import { z } from 'zod';
import { parseQ } from '../qFilter';

/**
 * What a client may send as a Subscription (ETSI GS CIM 009 §5.2.12) or a fragment of one. Members the
 * emulator cannot honour (periodic, geo, temporal, scope and context-source queries, showChanges, concise,
 * joins) are refused with 400 rather than silently ignored, so a client never believes it got them.
 */

const uri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'must be an absolute URI');
const dateTime = z.iso.datetime({ offset: true });

export const TRIGGERS = ['entityCreated', 'entityUpdated', 'entityDeleted', 'attributeCreated', 'attributeUpdated', 'attributeDeleted'] as const;
export type Trigger = (typeof TRIGGERS)[number];

const EntitySelector = z.strictObject({
  id: uri.optional(),
  idPattern: z
    .string()
    .refine((p) => {
      try {
        new RegExp(p);
        return true;
      } catch {
        return false;
      }
    }, 'must be a valid regular expression')
    .optional(),
  type: z.string().min(1),
});

const KeyValue = z.strictObject({ key: z.string().min(1), value: z.string() });

const MQTT_VERSIONS = ['mqtt3.1.1', 'mqtt5.0'] as const;
const notifierInfo = z.array(KeyValue).superRefine((pairs, ctx) => {
  for (const { key, value } of pairs) {
    if (key === 'MQTT-Version' && !MQTT_VERSIONS.some((v) => v === value)) ctx.addIssue({ code: 'custom', message: `MQTT-Version must be one of ${MQTT_VERSIONS.join(', ')}` });
    if (key === 'MQTT-QoS' && !['0', '1', '2'].includes(value)) ctx.addIssue({ code: 'custom', message: 'MQTT-QoS must be "0", "1" or "2"' });
  }
});

export const Endpoint = z.strictObject({
  uri: uri.refine((u) => /^(https?|mqtts?):\/\//i.test(u), 'must be an http, https, mqtt or mqtts URI'),
  accept: z.enum(['application/json', 'application/ld+json']).optional(),
  timeout: z.number().min(1).optional(),
  cooldown: z.number().min(1).optional(),
  receiverInfo: z.array(KeyValue).optional(),
  notifierInfo: notifierInfo.optional(),
});
export type Endpoint = z.infer<typeof Endpoint>;

/** Read-only members a client may echo back (e.g. a GET body re-sent); they are ignored, not refused. */
const readOnlyNotification = {
  status: z.unknown().optional(),
  timesSent: z.unknown().optional(),
  timesFailed: z.unknown().optional(),
  lastNotification: z.unknown().optional(),
  lastFailure: z.unknown().optional(),
  lastSuccess: z.unknown().optional(),
};

const NotificationParams = z.strictObject({
  attributes: z.array(z.string().min(1)).min(1).optional(),
  format: z.enum(['normalized', 'keyValues']).optional(),
  sysAttrs: z.boolean().optional(),
  showChanges: z.literal(false).optional(),
  endpoint: Endpoint,
  ...readOnlyNotification,
});

const common = {
  id: uri.optional(),
  type: z.literal('Subscription'),
  '@context': z.unknown().optional(),
  subscriptionName: z.string().optional(),
  description: z.string().optional(),
  entities: z.array(EntitySelector).min(1).optional(),
  watchedAttributes: z.array(z.string().min(1)).min(1).optional(),
  notificationTrigger: z.array(z.enum(TRIGGERS)).min(1).optional(),
  q: z
    .string()
    .refine((q) => parseQ(q).ok, 'is not a q expression this emulator understands (attr==value terms joined by ;)')
    .optional(),
  isActive: z.boolean().optional(),
  expiresAt: dateTime.optional(),
  throttling: z.number().min(1).optional(),
  lang: z.string().optional(),
  jsonldContext: uri.optional(),
  notification: NotificationParams,
  status: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  modifiedAt: z.unknown().optional(),
};

export const NewSubscription = z.strictObject(common).refine((s) => s.entities !== undefined || s.watchedAttributes !== undefined, {
  message: 'give entities, watchedAttributes or both',
  path: ['entities'],
});
export type NewSubscription = z.infer<typeof NewSubscription>;

/** A PATCH fragment: any member of a Subscription; `notification` is merged member by member. */
export const SubscriptionFragment = z.strictObject({
  ...common,
  type: common.type.optional(),
  notification: NotificationParams.partial().optional(),
});
export type SubscriptionFragment = z.infer<typeof SubscriptionFragment>;

const UNSUPPORTED = ['timeInterval', 'geoQ', 'temporalQ', 'csf', 'scopeQ', 'datasetId', 'localOnly'];
const UNSUPPORTED_NOTIFICATION = ['pick', 'omit', 'join', 'joinLevel'];

/** Names the members this emulator refuses, before zod reports them as merely "unrecognized". */
export function unsupportedMembers(body: Record<string, unknown>): string[] {
  const found = UNSUPPORTED.filter((k) => k in body);
  const notification = body['notification'];
  if (typeof notification === 'object' && notification !== null) {
    for (const k of UNSUPPORTED_NOTIFICATION) if (k in notification) found.push(`notification.${k}`);
    if ('format' in notification && notification.format === 'concise') found.push('notification.format=concise');
  }
  return found;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}
