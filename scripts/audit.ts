// The audit chain from the command line, read-only:
//   tsx scripts/audit.ts verify [--dir DIR]
//   tsx scripts/audit.ts export [--dir DIR] --out FILE.jsonl
// DIR defaults to $PHUKET_CONSOLE_DATA, else .console-data in the current directory.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadAuditKey, readCheckpoint } from '../electron/core/store/auditAnchor';
import { exportChain } from '../electron/core/store/auditExport';
import { verifyChain } from '../electron/core/store/auditVerify';

const USAGE = 'usage: audit verify [--dir DIR] | audit export [--dir DIR] --out FILE.jsonl';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' }, out: { type: 'string' } } });
const command = positionals[0];
const dir = resolve(values.dir ?? process.env.PHUKET_CONSOLE_DATA ?? '.console-data');
const file = join(dir, 'journal.db');

if ((command !== 'verify' && command !== 'export') || (command === 'export' && values.out === undefined)) {
  console.error(USAGE);
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`no journal.db in ${dir}`);
  process.exit(2);
}

// The key and the head checkpoint live beside journal.db, outside it: a rewritten or cut chain cannot match them.
const key = loadAuditKey(dir, false)?.key ?? null;
const checkpoint = readCheckpoint(dir);
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  if (command === 'verify') {
    const result = verifyChain(db, { key, checkpoint });
    if (result.ok) console.log(`audit chain ok: ${result.records} records`);
    else console.log(`audit chain BROKEN at record #${result.firstBroken?.seq}: ${result.firstBroken?.reason}`);
    process.exitCode = result.ok ? 0 : 1;
  } else {
    const out = resolve(values.out ?? '');
    console.log(`exported ${exportChain(db, out, checkpoint.kind === 'ok' ? checkpoint.checkpoint : null)} audit records to ${out}`);
  }
} finally {
  db.close();
}
