import { describe, expect, it } from 'vitest';
import { loadNgsiSpec } from '../support/ngsiSpec';

// The loader itself: it must accept what the standard allows and refuse what it does not, or every
// conformance test built on it proves nothing.
describe('NGSI-LD OpenAPI loader', () => {
  const spec = loadNgsiSpec();

  it('reads the ETSI document', () => {
    expect(spec.version).toBe('1.6.1');
  });

  const subscription = {
    id: 'urn:ngsi-ld:Subscription:test',
    type: 'Subscription',
    entities: [{ type: 'Vehicle' }],
    watchedAttributes: ['location'],
    notification: { format: 'keyValues', endpoint: { uri: 'mqtt://127.0.0.1:1883/phuket/console', accept: 'application/json', notifierInfo: [{ key: 'MQTT-QoS', value: '1' }] } },
  };

  it('accepts a valid Subscription (oneOf OnChange/Periodic read as anyOf) and the request body for both media types', () => {
    expect(spec.validate('Subscription', subscription)).toEqual([]);
    expect(spec.validateRequestBody('Subscription', 'application/json', subscription)).toEqual([]);
    expect(spec.validateRequestBody('Subscription', 'application/ld+json', { ...subscription, '@context': 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld' })).toEqual([]);
  });

  it('refuses a Subscription the standard refuses', () => {
    expect(spec.validate('Subscription', { ...subscription, notification: { endpoint: {} } })).not.toEqual([]);
    expect(spec.validate('Subscription', { ...subscription, entities: [] })).not.toEqual([]);
    expect(spec.validate('Subscription', { ...subscription, notificationTrigger: ['whenever'] })).not.toEqual([]);
    expect(spec.validateRequestBody('Subscription', 'application/json', { ...subscription, type: undefined })).not.toEqual([]);
    expect(spec.validateRequestBody('Subscription', 'application/ld+json', subscription)).not.toEqual([]);
  });

  it('checks Notification and Entity shapes', () => {
    const entity = { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: { type: 'Property', value: 3 }, location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [98.3, 7.9] } } };
    const notification = { id: 'urn:ngsi-ld:Notification:1', type: 'Notification', subscriptionId: 'urn:ngsi-ld:Subscription:test', notifiedAt: '2025-03-04T01:00:00Z', data: [entity] };
    expect(spec.validate('Notification', notification)).toEqual([]);
    expect(spec.validate('Notification', { ...notification, notifiedAt: 'yesterday' })).not.toEqual([]);
    expect(spec.validate('Notification', { ...notification, subscriptionId: undefined })).not.toEqual([]);
    expect(spec.validate('Entity', { ...entity, location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [98.3] } } })).not.toEqual([]);
    expect(spec.validate('ProblemDetails', { type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', title: 't', status: 400, detail: 'd' })).toEqual([]);
    expect(spec.validate('ProblemDetails', { type: 'x', title: 't' })).not.toEqual([]);
  });
});
