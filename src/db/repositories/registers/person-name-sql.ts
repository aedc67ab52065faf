import { sql, type RawBuilder } from 'kysely';

/** A person row's printed name in SQL ("Mrs Jenny Whittle", or initials when no given name), from a joined alias. */
export function personNameSql(alias: string): RawBuilder<string> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<string>`concat_ws(' ', ${col('honorific')}, coalesce(${col('given_name')}, array_to_string(${col('initials')}, ' ')), ${col('family_name')})`;
}
