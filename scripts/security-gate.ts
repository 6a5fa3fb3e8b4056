/**
 * Security gate: Electronegativity over electron/, through its programmatic API (its CLI always exits 0).
 * Fails on any HIGH finding, and on any MEDIUM finding not listed below with a reason.
 * The online Electron-release check is excluded: it needs the network, and our Electron version is pinned in package.json.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');

/** MEDIUM findings we have checked by hand and accept: `check id → reason`. Matched per check id and file. */
export const KNOWN_FALSE_POSITIVES: Record<string, { file: RegExp; reason: string }> = {
  CSP_GLOBAL_CHECK: {
    file: /.*/,
    reason:
      'the CSP is shared/csp.ts, sent as a header by the app:// protocol handler (electron/main/protocol.ts) and the browser host, and put in index.html as a meta tag at build; the scan of electron/ cannot see it. Covered by electron/main/security.test.ts and the e2e header check.',
  },
  PRELOAD_JS_CHECK: {
    file: /main\/security\.ts$/,
    reason:
      'a review reminder, not a defect: the one preload (electron/preload/preload.ts) runs sandboxed and exposes only the contract functions built by buildBridge; the lint rule limits it to contextBridge and ipcRenderer.',
  },
};

const Finding = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }).partial(),
  severity: z.object({ name: z.string() }),
  confidence: z.object({ name: z.string() }),
  manualReview: z.boolean().optional(),
  description: z.string().optional(),
});
const Report = z.object({
  issues: z.array(Finding),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
});

export async function runGate(input: string): Promise<{ failures: string[]; accepted: string[]; errors: string[] }> {
  const mod = require('@doyensec/electronegativity');
  const run: (options: object) => Promise<unknown> = mod.default ?? mod;
  const report = Report.parse(
    await run({
      input,
      isRelative: true,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'],
      severitySet: 'informational',
      confidenceSet: 'tentative',
      electronVersionOverride: '45.5.0',
    }),
  );
  const failures: string[] = [];
  const accepted: string[] = [];
  for (const issue of report.issues) {
    const where = `${issue.id} ${issue.severity.name} ${issue.file}:${issue.location.line ?? '?'}`;
    const known = KNOWN_FALSE_POSITIVES[issue.id];
    if (issue.severity.name === 'HIGH') failures.push(where);
    else if (issue.severity.name === 'MEDIUM' && !(known && known.file.test(issue.file))) failures.push(where);
    else accepted.push(known ? `${where} (known: ${known.reason})` : where);
  }
  const errors = report.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`);
  return { failures, accepted, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const input = resolve(root, process.argv[2] ?? 'electron');
  const { failures, accepted, errors } = await runGate(input);
  for (const line of accepted) console.log(`accepted: ${line}`);
  for (const line of errors) console.error(`could not parse: ${line}`);
  for (const line of failures) console.error(`FAIL: ${line}`);
  if (failures.length > 0 || errors.length > 0) {
    console.error(`security gate: ${failures.length} blocking finding(s), ${errors.length} unparsed file(s)`);
    process.exit(1);
  }
  console.log(`security gate: passed (${accepted.length} low or accepted finding(s))`);
}
