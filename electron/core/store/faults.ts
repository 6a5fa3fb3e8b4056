import Database from 'better-sqlite3';
import type { StoreFault } from './api';

export interface FaultInfo {
  readonly code: Exclude<StoreFault['code'], 'worker-down'>;
  readonly message: string;
}

/**
 * Turns a SQLite error from a write into words an operator and an administrator can act on,
 * or null when it is not a disk-level fault (a bug or a refused input, which must not be reported as "the disk").
 */
export function classifyFault(error: unknown, doing: string): FaultInfo | null {
  if (!(error instanceof Database.SqliteError)) return null;
  const detail = `${error.code}: ${error.message}`;
  if (error.code === 'SQLITE_FULL') return { code: 'disk-full', message: `the disk is full: could not ${doing} (${detail})` };
  if (error.code.startsWith('SQLITE_READONLY'))
    return { code: 'read-only', message: `the database is read-only: could not ${doing}; check the data folder's permissions and that its disk is not mounted read-only (${detail})` };
  if (error.code.startsWith('SQLITE_IOERR')) return { code: 'io-error', message: `the disk reported a read/write error: could not ${doing} (${detail})` };
  if (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED'))
    return { code: 'busy', message: `the database is busy, another program holds a lock on it: could not ${doing} (${detail})` };
  return null;
}
