/**
 * Friendly URLs: "/meetings/2011-04-06-kent-county-council", "/people/mr-w-a-hayton-1a2b3c4d5e6f7a8b".
 * The readable part is for people; the record is found by the stable id's suffix (or, for meetings, by body and
 * date, which are unique), so a renamed record keeps working under its old link. Plain ids still work everywhere.
 */
import { slugify } from '../../domain/stable-id.ts';

/** "person-1a2b..." + "Mr W A Hayton" -> "mr-w-a-hayton-1a2b...". */
export function recordSlug(id: string, text: string): string {
  const suffix = id.slice(id.indexOf('-') + 1);
  const words = slugify(text).slice(0, 80).replace(/-+$/, '');
  return words ? `${words}-${suffix}` : suffix;
}

/** The stable id a slug (or a plain id) names: "mr-w-a-hayton-1a2b..." -> "person-1a2b...". */
export function idFromSlug(kind: string, slug: string): string {
  if (slug.startsWith(`${kind}-`)) return slug;
  const suffix = slug.slice(slug.lastIndexOf('-') + 1);
  return `${kind}-${suffix}`;
}

/** "2011-04-06" + "kent-county-council" -> "2011-04-06-kent-county-council". */
export function meetingSlug(date: string, bodySlug: string): string {
  return `${date}-${bodySlug}`;
}

export function parseMeetingSlug(slug: string): { date: string; bodySlug: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})-([a-z0-9-]+)$/.exec(slug);
  return match ? { date: match[1]!, bodySlug: match[2]! } : undefined;
}
