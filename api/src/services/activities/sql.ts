import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column = any($1)` with the whole list as ONE array parameter. A 50-item batch then binds a
 * handful of parameters instead of hundreds, which is most of the cost of a batch.
 */
export function anyOf(column: AnyColumn, values: readonly string[], type: 'uuid' | 'text'): SQL {
  const literal = arrayLiteral(values);
  return type === 'uuid' ? sql`${column} = any(${literal}::uuid[])` : sql`${column} = any(${literal}::text[])`;
}

/** A PostgreSQL array literal (`{"a","b"}`) of the values, quoted, for one `::uuid[]` or `::text[]` parameter. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(',')}}`;
}
