import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The ETSI NGSI-LD OpenAPI (GS CIM 009 V1.6.1, openapi 3.0.3) as JSON Schema validators, so tests check
 * what the emulator sends and what the console sends against the standard rather than against our own
 * idea of it. The sourced file lives outside the repository, in ../shared/data/specs/ngsi-ld
 * (override with NGSI_LD_SPEC).
 */
export const NGSI_SPEC_PATH = process.env['NGSI_LD_SPEC'] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'specs', 'ngsi-ld', 'ngsi-ld-api-v1.6.1.yaml');

export interface NgsiSpec {
  /** The spec's info.version, e.g. "1.6.1". */
  readonly version: string;
  /** Errors (empty when valid) of a value against `#/components/schemas/<name>`, e.g. "Subscription", "Notification", "Entity". */
  validate(schema: string, value: unknown): string[];
  /** Errors of a request body against `#/components/requestBodies/<name>` for one media type, e.g. ("Subscription", "application/json"). */
  validateRequestBody(name: string, mediaType: string, value: unknown): string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * OpenAPI 3.0 is not quite JSON Schema; the quirks this document needs ironed out:
 * - `nullable: true` becomes a `null` alternative (none in 1.6.1, kept for later versions);
 * - `discriminator` is dropped (Ajv's needs a shape the spec does not follow);
 * - `format: URI` is read as `uri`, and `format: pattern` (a regular expression) is declared;
 * - `Subscription` is `oneOf` OnChange / Periodic, but neither branch excludes the other's members, so
 *   every valid subscription matches both and `oneOf` would fail it: read as `anyOf`;
 * - the document labels JSON-LD `application/json+ld`; it is served here under `application/ld+json` too.
 */
function iron(node: unknown, path: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((n, i) => iron(n, [...path, String(i)]));
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'nullable' || key === 'example') continue;
    if (key === 'format' && value === 'URI') out[key] = 'uri';
    else if (key === 'content' && isObject(value) && 'application/json+ld' in value && !('application/ld+json' in value)) {
      const content = { ...value, 'application/ld+json': value['application/json+ld'] };
      out[key] = iron(content, [...path, key]);
    } else out[key] = iron(value, [...path, key]);
  }
  if (node['nullable'] === true && typeof node['type'] === 'string') out['type'] = [node['type'], 'null'];
  const name = path.at(-1);
  if (path.at(-2) === 'schemas' && name === 'Subscription' && Array.isArray(out['oneOf'])) {
    out['anyOf'] = out['oneOf'];
    delete out['oneOf'];
  }
  return out;
}

const describeErrors = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? 'is invalid'}${e.params === undefined ? '' : ` ${JSON.stringify(e.params)}`}`);

let cached: NgsiSpec | undefined;

export function loadNgsiSpec(path = NGSI_SPEC_PATH): NgsiSpec {
  if (path === NGSI_SPEC_PATH && cached !== undefined) return cached;
  const raw: unknown = parse(readFileSync(path, 'utf8'));
  const doc = iron(raw, []);
  if (!isObject(doc) || !isObject(doc['components'])) throw new Error(`${path} is not an OpenAPI document with components`);
  const info = doc['info'];
  const version = isObject(info) && typeof info['version'] === 'string' ? info['version'] : 'unknown';
  // strict: false because an OpenAPI document carries keywords JSON Schema does not know (example, xml, …).
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('pattern', {
    validate: (s: string) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    },
  });
  const id = 'ngsi-ld-openapi';
  ajv.addSchema({ ...doc, $id: id });
  const check = (pointer: string, value: unknown): string[] => {
    const validate = ajv.getSchema(`${id}#${pointer}`);
    if (validate === undefined) throw new Error(`no schema at ${pointer} in ${path}`);
    return validate(value) ? [] : describeErrors(validate.errors);
  };
  const spec: NgsiSpec = {
    version,
    validate: (schema, value) => check(`/components/schemas/${schema}`, value),
    validateRequestBody: (name, mediaType, value) => check(`/components/requestBodies/${name}/content/${mediaType.replace('/', '~1')}/schema`, value),
  };
  if (path === NGSI_SPEC_PATH) cached = spec;
  return spec;
}
