import { describe, expect, it } from 'vitest';
import { subscriptionBody } from '../../electron/core/feeds/ngsi/subscriptions';
import type { SubscriptionPlan } from '../../electron/core/feeds/ngsi/subscriptions';
import { mqttEndpointUri } from '../../electron/core/feeds/ngsi/notifyTransport';
import { loadNgsiSpec } from '../support/ngsiSpec';

/** Contract: what the console POSTs to /ngsi-ld/v1/subscriptions is a Subscription by the ETSI OpenAPI, not by our own idea of it. */
const plan: SubscriptionPlan = {
  id: 'urn:ngsi-ld:Subscription:phuket-console:ws1:Alert',
  entityType: 'Alert',
  endpoint: { uri: mqttEndpointUri('mqtts://user:secret@mqtt.example:8883', 'phuket/console/ws1/Alert'), notifierInfo: [{ key: 'MQTT-Version', value: 'mqtt3.1.1' }, { key: 'MQTT-QoS', value: '1' }] },
};
const clock = Date.parse('2026-12-05T10:00:00Z');

describe('the Subscription the console POSTs', () => {
  it('is a valid NGSI-LD Subscription by the ETSI OpenAPI, with every member the console relies on', () => {
    const body = subscriptionBody(plan, clock + 3_600_000, true);
    const spec = loadNgsiSpec();
    expect(spec.validate('Subscription', body)).toEqual([]);
    expect(spec.validateRequestBody('Subscription', 'application/json', body)).toEqual([]);
    expect(spec.validate('Subscription', subscriptionBody({ ...plan, endpoint: { uri: 'http://127.0.0.1:8089/ngsi-ld/notify' } }, clock + 60_000, false))).toEqual([]);
    // The MQTT binding's endpoint: the topic is the path; the console's own credentials never go to the platform.
    expect(plan.endpoint.uri).toBe('mqtts://mqtt.example:8883/phuket/console/ws1/Alert');
    expect(body).toMatchObject({
      entities: [{ type: 'Alert' }],
      notificationTrigger: ['entityCreated', 'entityUpdated', 'entityDeleted'],
      expiresAt: '2026-12-05T11:00:00.000Z',
      notification: { format: 'normalized', sysAttrs: true, endpoint: { uri: plan.endpoint.uri, accept: 'application/json', notifierInfo: plan.endpoint.notifierInfo } },
    });
  });
});

