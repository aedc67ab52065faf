/**
 * The portal's data version, kept in memory on the embedded engine, where this process is the database's only
 * client and every change is announced (migration 0403) before the statement that made it returns: a cached page
 * is then served without a query, and the embedded engine answers one query at a time, so that query was most of
 * the cost of a cached page. On a PostgreSQL server other processes write too and an announcement arrives a moment
 * later over another connection, so the version is read from the database on every request, as before.
 */
import type { DatabaseHandle } from './engine.ts';
import { DATA_VERSION_CHANNEL } from './migrations/20261125_0403_data_version_notify.ts';
import { currentDataVersion } from './queries/portal/data-version.ts';

class DataVersionWatch {
  private value: string | undefined;
  /** Changes on every announcement: a version read before one must not be kept after it. */
  private generation = 0;
  private listening = false;

  constructor(private readonly database: DatabaseHandle) {
    database.listen?.(DATA_VERSION_CHANNEL, () => this.changed()).then(
      () => {
        this.listening = true;
        this.changed();
      },
      () => {},
    );
  }

  private changed(): void {
    this.generation++;
    this.value = undefined;
  }

  async current(): Promise<string> {
    if (this.listening && this.value !== undefined) return this.value;
    const generation = this.generation;
    const value = await currentDataVersion(this.database.db);
    if (this.listening && generation === this.generation) this.value = value;
    return value;
  }
}

const watches = new WeakMap<DatabaseHandle, DataVersionWatch>();

export function dataVersionOf(database: DatabaseHandle): Promise<string> {
  let watch = watches.get(database);
  if (!watch) {
    watch = new DataVersionWatch(database);
    watches.set(database, watch);
  }
  return watch.current();
}
