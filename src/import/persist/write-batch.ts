/**
 * The rows a persistence step adds, held in memory and then written table by table in the order the foreign keys
 * need, in multi-row INSERTs: one statement for every table where the parameter limit allows (insertNewMany).
 * Statements, not rows, were most of an import's cost. Every capability builds its batch from its own ordered table
 * list (committee/batch.ts, scrutiny/scope.ts, plans.ts, allowances.ts), so a step only adds rows and the batch
 * writes them; a step that must read back what it wrote (a plan's requirements by code) writes, reads, and adds more.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NewRow } from '../../db/types.ts';
import * as store from '../../db/repositories/paper-store.ts';
import type { PeopleDirectory } from './people.ts';
import { addCount, type Counts } from './context.ts';

export type TableName = keyof Database & string;

/** One table of a batch and the name its new rows are reported by ("meetings"); a table without one is not counted. */
export interface BatchTable<T extends TableName = TableName> {
  table: T;
  count?: string;
}

export class WriteBatch<T extends TableName> {
  private readonly rows = new Map<T, Map<string, unknown>>();
  private appended = 0;

  /** `tables` in the order their foreign keys allow: parents before children. */
  constructor(private readonly tables: ReadonlyArray<BatchTable<T>>) {}

  /**
   * Adds a row unless one with its key (its id, unless given) is already in the batch: as with ON CONFLICT DO
   * NOTHING, the first wins. Returns the row kept, so a caller can still fill it in before it is written.
   */
  add<K extends T>(table: K, row: NewRow<K> & { id: string }, key?: string): NewRow<K>;
  add<K extends T>(table: K, row: NewRow<K>, key: string): NewRow<K>;
  add<K extends T>(table: K, row: NewRow<K>, key = (row as unknown as { id: string }).id): NewRow<K> {
    const rows = this.tableRows(table);
    const kept = rows.get(key) as NewRow<K> | undefined;
    if (kept) return kept;
    rows.set(key, row);
    return row;
  }

  /** Adds a row with no key of its own (a status history entry, an import issue): every one is written. */
  append<K extends T>(table: K, row: NewRow<K>): void {
    this.tableRows(table).set(`\0${this.appended++}`, row);
  }

  has(table: T, key: string): boolean {
    return this.rows.get(table)?.has(key) ?? false;
  }

  get<K extends T>(table: K, key: string): NewRow<K> | undefined {
    return this.rows.get(table)?.get(key) as NewRow<K> | undefined;
  }

  /** The rows of a table not yet written, in the order added. */
  rowsOf<K extends T>(table: K): Array<NewRow<K>> {
    return [...(this.rows.get(table)?.values() ?? [])] as Array<NewRow<K>>;
  }

  /** The keys (ids) of a table's rows not yet written. */
  keysOf(table: T): string[] {
    return [...(this.rows.get(table)?.keys() ?? [])];
  }

  /**
   * Writes the rows added since the last write, in as few statements as possible: the people the step resolved
   * first (new people and their printed forms, when `people` is given, then what was learnt about people on record),
   * then the tables in order. Returns how many rows each counted table gained, by its count name; the batch is then
   * empty, ready for more.
   */
  async write(trx: Transaction<Database>, people?: PeopleDirectory): Promise<Counts> {
    const writes = people?.takeWrites();
    const parts: store.InsertPart[] = writes
      ? [
          { table: 'person', rows: writes.people },
          { table: 'person_alias', rows: writes.aliases },
        ]
      : [];
    const first = parts.length;
    for (const { table } of this.tables) parts.push({ table, rows: this.rowsOf(table) } as store.InsertPart);
    this.rows.clear();
    const counts = await store.insertNewMany(trx, parts);
    if (writes) {
      people!.countCreated(counts[0]!);
      await store.updatePeople(trx, writes.updates);
    }
    const created: Counts = {};
    this.tables.forEach(({ count }, index) => {
      if (count) addCount(created, count, counts[first + index]!);
    });
    return created;
  }

  private tableRows(table: T): Map<string, unknown> {
    let rows = this.rows.get(table);
    if (!rows) this.rows.set(table, (rows = new Map()));
    return rows;
  }
}
