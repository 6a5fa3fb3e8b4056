/** The readable tail of an NGSI-LD URN (`urn:ngsi-ld:Alert:phuket:12` → `phuket:12`): how ids are shown and spoken. */
export function shortId(id: string): string {
  const match = /^urn:ngsi-ld:[^:]+:(.+)$/.exec(id);
  return match?.[1] ?? id;
}
