// A comparable description of one PostgreSQL schema: tables, columns, enums, indexes and
// constraints, with the schema's own name taken out so two schemas can be compared.
import type pg from "pg";

export type Catalog = {
  columns: string[];
  enums: string[];
  indexes: string[];
  constraints: string[];
};

const IGNORED_TABLE = "_prisma_migrations";

export async function describeSchema(client: pg.Client, schema: string): Promise<Catalog> {
  const strip = (text: string) => text.replaceAll(`"${schema}".`, "").replaceAll(`${schema}.`, "");
  const columns = await client.query<Record<string, string | number | null>>(
    `SELECT table_name, column_name, data_type, udt_name, character_maximum_length,
            numeric_precision, datetime_precision, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = $1 AND table_name <> $2`,
    [schema, IGNORED_TABLE],
  );
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename <> $2`,
    [schema, IGNORED_TABLE],
  );
  const constraints = await client.query<{ table: string; name: string; type: string; def: string }>(
    `SELECT c.relname AS table, con.conname AS name, con.contype AS type, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname <> $2`,
    [schema, IGNORED_TABLE],
  );
  return {
    columns: columns.rows.map((row) => strip(JSON.stringify(Object.values(row)))).sort(),
    enums: enums.rows.map((row) => `${row.name}: ${row.labels.join(", ")}`).sort(),
    indexes: indexes.rows.map((row) => strip(`${row.tablename}.${row.indexname}: ${row.indexdef}`)).sort(),
    constraints: constraints.rows.map((row) => strip(`${row.table}.${row.name} (${row.type}): ${row.def}`)).sort(),
  };
}
