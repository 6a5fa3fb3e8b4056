import { describe, expect, it } from 'vitest';
import { deletionOf, parseNotificationMessage } from './notification';

const notification = { id: 'urn:ngsi-ld:Notification:1', type: 'Notification', subscriptionId: 'urn:s:1', notifiedAt: '2026-12-05T10:00:00Z', data: [{ id: 'a', type: 'Alert' }] };

describe('a notification message', () => {
  it('is read from the MQTT binding envelope and bare alike', () => {
    const envelope = { metadata: { 'Content-Type': 'application/json', Link: '<…>; rel="http://www.w3.org/ns/json-ld#context"' }, body: notification };
    expect(parseNotificationMessage(JSON.stringify(envelope))).toEqual({ ok: true, notification });
    expect(parseNotificationMessage(JSON.stringify(notification))).toEqual({ ok: true, notification });
    expect(parseNotificationMessage(JSON.stringify({ body: { ...notification, '@context': ['x'] } }))).toMatchObject({ ok: true });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['an array', '[]', /not an NGSI-LD Notification/],
    ['no data', JSON.stringify({ type: 'Notification' }), /data/],
    ['a body of another type', JSON.stringify({ metadata: { 'Content-Type': 'text/xml' }, body: notification }), /text\/xml is not JSON/],
    ['an envelope around junk', JSON.stringify({ metadata: {}, body: 'x' }), /not an NGSI-LD Notification/],
    ['bad metadata', JSON.stringify({ metadata: 'x', body: notification }), /envelope/],
    ['deep nesting', '['.repeat(100_000), /not JSON/],
  ])('is refused with a reason when it is %s', (_what, text, reason) => {
    const parsed = parseNotificationMessage(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('recognises a deleted entity, and only that', () => {
    expect(deletionOf({ id: 'a', type: 'Alert', deletedAt: '2026-12-05T10:00:00Z' })).toEqual({ id: 'a', type: 'Alert' });
    expect(deletionOf({ id: 'a', type: 'Alert' })).toBeNull();
    expect(deletionOf({ deletedAt: 'x' })).toBeNull();
    expect(deletionOf(null)).toBeNull();
  });
});
