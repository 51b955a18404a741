import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column = any($1)` with the whole list as ONE array parameter. A 50-item batch then binds a
 * handful of parameters instead of hundreds, which is most of the cost of a batch.
 */
export function anyOf(column: AnyColumn, values: readonly string[], type: 'uuid' | 'text'): SQL {
  const literal = `{${values.map((value) => `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(',')}}`;
  return type === 'uuid' ? sql`${column} = any(${literal}::uuid[])` : sql`${column} = any(${literal}::text[])`;
}
