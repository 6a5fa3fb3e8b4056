import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Warning } from '../../../../shared/domain';
import { parseCapIndex } from './atomIndex';
import { capMessage } from './capTestKit';
import { mapCapAlert, parseCapMessage } from './mapCap';

const ELEMENTS = ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'references', 'language', 'severity', 'urgency', 'certainty', 'expires', 'headline', 'polygon', 'circle', 'areaDesc', 'web', 'category'];
const VALUES = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'Actual', 'Exercise', 'Update', 'Cancel', 'th', '2026-07-01T10:00:00+07:00', '9999-99-99T99:99:99+99:99', '7.9,98.3 7.9,98.31 7.88,98.3 7.9,98.3', '91,181 0,0', '7.9,98.3 -1', 'NaN,NaN', '&#0;&#xD800;&#1114112;', 'javascript:alert(1)', '<![CDATA[x]]>', '<!-- c -->', '<x/>'),
);

/** A valid message with one element's text replaced by anything, raw (markup may break) or escaped. */
const mutatedMessage = fc.tuple(fc.constantFrom(...ELEMENTS), VALUES, fc.boolean()).map(([element, value, raw]) => {
  const escaped = raw ? value : value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return capMessage({ identifier: 'fz', infos: [{ language: 'th' }, { language: 'en' }] }).replace(new RegExp(`<${element}>[^<]*</${element}>`), `<${element}>${escaped}</${element}>`);
});

/** Any tree the parser could hand over: nested objects, arrays and strings. */
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...ELEMENTS, 'info', 'area', '#text', '@_xmlns'), tie('node'), { maxKeys: 5 })),
})).node;

function checkResult(result: ReturnType<typeof parseCapMessage>): void {
  if (result.ok && result.message.warning !== null) expect(Warning.safeParse(result.message.warning).success).toBe(true);
  if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
}

describe('CAP parsing, fuzzed', () => {
  it('never throws on a mutated message, and anything it returns is a valid Warning', () => {
    fc.assert(fc.property(mutatedMessage, (body) => checkResult(parseCapMessage(body, 1_000))), { numRuns: 400 });
  });

  it('never throws on arbitrary text, and refuses it with a reason', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (body) => checkResult(parseCapMessage(body, 1_000))), { numRuns: 300 });
  });

  it('never throws on any parsed tree the mapper could be given', () => {
    fc.assert(fc.property(tree, (alert) => checkResult(mapCapAlert({ alert }, 1_000))), { numRuns: 400 });
  });

  it('never throws on arbitrary bytes given as an index', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void parseCapIndex(bytes, 'https://cap.example/index.atom')), { numRuns: 200 });
  });
});
