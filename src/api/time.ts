/**
 * Instants as the open data APIs publish them: ISO 8601 in UTC. Council dates and clock times carry no zone; they
 * are published with London's offset of that day by londonDateTime (src/domain/dates.ts).
 */

export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
