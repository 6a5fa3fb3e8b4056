/** Context URLs are only named, never fetched: the emulator runs offline. */
export const CORE_CONTEXT = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld';
export const SDM_CONTEXT = 'https://smartdatamodels.org/context.jsonld';
export const ENTITY_CONTEXT = [SDM_CONTEXT, CORE_CONTEXT] as const;

export const LINK_HEADER = `<${SDM_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;

export const NGSI_BASE = '/ngsi-ld/v1';
