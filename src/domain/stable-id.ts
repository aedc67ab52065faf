import { createHash } from 'node:crypto';

/**
 * A stable identifier from a record's natural key: the same paper imported into two databases yields the same IDs,
 * so URLs, OParl IDs and exports stay the same across re-imports. Format: "<kind>-<16 hex>", readable in URLs and logs.
 */
export function stableId(kind: string, ...naturalKey: Array<string | number | null | undefined>): string {
  const hash = createHash('sha256')
    .update(
      naturalKey
        .map((part) =>
          String(part ?? '')
            .trim()
            .toLowerCase(),
        )
        .join('\u241f'),
    )
    .digest('hex');
  return `${kind}-${hash.slice(0, 16)}`;
}

/** "Governance and Audit Committee" -> "governance-and-audit-committee". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
