import type { StoreFault } from './api';

/** A database written by a newer console: opening it could lose what the newer schema holds. */
export class StoreVersionError extends Error {
  override readonly name = 'StoreVersionError';

  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `${file} is at schema version ${found} but this console knows up to ${known}; it was written by a newer console. Refusing to open it so nothing in it is lost.`,
    );
  }
}

/** A write the disk refused (full, read-only, I/O error, busy). The process keeps running; the caller may retry. */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';

  constructor(
    readonly code: StoreFault['code'],
    message: string,
  ) {
    super(message);
  }
}

/** The worker thread that owns the databases is gone: nothing more can be read or written until the store is recreated. */
export class StoreWorkerError extends Error {
  override readonly name = 'StoreWorkerError';
}
