/**
 * Uploaded files by content hash (stored_file). Storing the same bytes twice is one row; a stored file is never
 * changed or deleted (a trigger refuses it), so a hash names its content for ever.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../types.ts';

export async function storeFile(db: Db, content: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  await db
    .insertInto('stored_file')
    .values({ sha256, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength), byte_size: content.byteLength })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha256;
}

export async function readFile(db: Db, sha256: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('stored_file').select('content').where('sha256', '=', sha256).executeTakeFirst();
  return row ? Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength) : undefined;
}
