import type BetterSqlite3 from 'better-sqlite3';

/** One numbered schema step of one database. `up` runs inside the runner's transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: BetterSqlite3.Database): void;
}
