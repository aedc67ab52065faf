/**
 * The portal's data versions, kept in memory on the embedded engine, where this process is the database's only
 * client and every change is announced (migration 0403) before the statement that made it returns: a cached page
 * is then served without a query, and the embedded engine answers one query at a time, so that query was most of
 * the cost of a cached page. On a PostgreSQL server other processes write too and an announcement arrives a moment
 * later over another connection, so the version is read from the database on every request, as before.
 *
 * Every announcement forgets every version held (the general one and each meeting's): a meeting's write is rare
 * beside reads, and forgetting too much only costs one query.
 */
import type { DatabaseHandle } from './engine.ts';
import { DATA_VERSION_CHANNEL } from './migrations/20261125_0403_data_version_notify.ts';
import { currentDataVersion, currentMeetingPageVersion, type MeetingRef } from './queries/portal/data-version.ts';

/** Meetings' versions held at most: a crawler walking every meeting must not grow the map for ever. */
const MAX_HELD = 20_000;

class DataVersionWatch {
  private values = new Map<string, string>();
  /** Changes on every announcement: a version read before one must not be kept after it. */
  private generation = 0;
  private listening = false;

  constructor(database: DatabaseHandle) {
    database
      .listen?.(DATA_VERSION_CHANNEL, () => this.changed())
      .then(
        () => {
          this.listening = true;
          this.changed();
        },
        () => {},
      );
  }

  private changed(): void {
    this.generation++;
    this.values.clear();
  }

  async current(key: string, read: () => Promise<string>): Promise<string> {
    const held = this.listening ? this.values.get(key) : undefined;
    if (held !== undefined) return held;
    const generation = this.generation;
    const value = await read();
    if (this.listening && generation === this.generation) {
      if (this.values.size >= MAX_HELD) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }
}

const watches = new WeakMap<DatabaseHandle, DataVersionWatch>();

function watchOf(database: DatabaseHandle): DataVersionWatch {
  let watch = watches.get(database);
  if (!watch) {
    watch = new DataVersionWatch(database);
    watches.set(database, watch);
  }
  return watch;
}

export function dataVersionOf(database: DatabaseHandle): Promise<string> {
  return watchOf(database).current('', () => currentDataVersion(database.db));
}

export function meetingPageVersionOf(database: DatabaseHandle, ref: MeetingRef): Promise<string> {
  const key = 'id' in ref ? `id ${ref.id}` : `slug ${ref.bodySlug} ${ref.date}`;
  return watchOf(database).current(key, () => currentMeetingPageVersion(database.db, ref));
}
