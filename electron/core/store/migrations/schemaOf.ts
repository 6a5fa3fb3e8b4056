import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

const MasterRow = z.object({ type: z.string(), name: z.string(), tbl_name: z.string() });
const ColumnRow = z.object({ name: z.string(), type: z.string(), notnull: z.number(), pk: z.number() });

/** A database's schema as plain data, for migration tests: tables with their columns, indexes, triggers. */
export function schemaOf(db: BetterSqlite3.Database) {
  const objects = db
    .prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all()
    .map((row) => MasterRow.parse(row));
  const tables = Object.fromEntries(
    objects
      .filter((object) => object.type === 'table')
      .map((table) => [table.name, z.array(ColumnRow).parse(db.pragma(`table_info(${table.name})`)).map((column) => `${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}${column.pk ? ' PK' : ''}`)]),
  );
  const indexes = objects.filter((object) => object.type === 'index').map((index) => `${index.tbl_name}.${index.name}`);
  const triggers = objects.filter((object) => object.type === 'trigger').map((trigger) => `${trigger.tbl_name}.${trigger.name}`);
  return { tables, indexes, triggers };
}
