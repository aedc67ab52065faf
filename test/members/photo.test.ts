/**
 * Councillors' photos (issue 19 item 1): the service refuses what is not a photo (a text file named .jpg, a
 * decompression bomb, a GIF, too large, too small) with nothing stored, strips EXIF (GPS!) and keeps 3:4 copies in
 * three widths as WebP and JPEG; replacing, changing the alt text and removing are audited. Over HTTP: the back
 * office uploads, and the portal shows the photo on the councillor's page and in the list, and serves its copies
 * with ETags and cache headers.
 */
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { photoRemover, photoSaver } from '../../src/services/members/photo-writer.ts';
import { isQuorumError } from '../../src/domain/errors.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertPerson } from '../support/factories.ts';
import { hasGpsPointer, jpegWithGps, plainPng, pngBombHeader } from '../support/photos.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';

async function problemsOf(promise: Promise<unknown>): Promise<Array<{ field: string; message: string }>> {
  try {
    await promise;
  } catch (error) {
    if (isQuorumError(error) && error.problems) return error.problems;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe.skipIf(databaseUnavailable)("councillors' photos", () => {
  let database: TestDatabase;
  let actor: SessionUser;
  let officerEmail: string;
  let whittle: string;
  let carter: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    const account = await makeAccount(database, 'democratic-services');
    officerEmail = account.email;
    actor = { id: account.id, email: account.email, name: 'Test officer', roles: ['democratic-services'], personId: null };
    const authority = await database.db
      .insertInto('authority')
      .values({ id: 'authority-kent', name: 'Kent County Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    whittle = (await insertPerson(database.db, authority.id, { honorific: 'Mrs', given_name: 'Jenny', family_name: 'Whittle' })).id as string;
    carter = (await insertPerson(database.db, authority.id, { honorific: 'Mr', given_name: 'Paul', family_name: 'Carter' })).id as string;
    app = await makeApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const copiesOf = (personId: string) =>
    database.db
      .selectFrom('person_photo_file as f')
      .innerJoin('stored_file as s', 's.sha256', 'f.sha256')
      .select(['f.width', 'f.height', 'f.format', 's.content'])
      .where('f.person_id', '=', personId)
      .orderBy('f.width')
      .orderBy('f.format')
      .execute();

  it('refuses a text file named .jpg, a bomb, a GIF, a tiny picture and an oversized file, storing nothing', async () => {
    const storedBefore = await database.db
      .selectFrom('stored_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const save = (file: Uint8Array) => problemsOf(photoSaver({ database, actor, personId: carter, altText: 'Photo of Mr Paul Carter', file }));
    expect(await save(new TextEncoder().encode('This is not a picture, whatever its name says.\n'))).toEqual([
      { field: 'photo', message: 'The file is not a picture: choose a JPEG, PNG or WebP photo' },
    ]);
    expect(await save(pngBombHeader(30_000, 30_000))).toEqual([
      { field: 'photo', message: 'The photo is 30000 by 30000 pixels: it must have at most 50 million pixels' },
    ]);
    const gif = new Uint8Array(
      await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000' } })
        .gif()
        .toBuffer(),
    );
    expect(await save(gif)).toEqual([{ field: 'photo', message: 'The file is a GIF picture: choose a JPEG, PNG or WebP photo' }]);
    expect(await save(await plainPng(100, 300))).toEqual([
      { field: 'photo', message: 'The photo is 100 by 300 pixels: it must be at least 120 pixels each way' },
    ]);
    expect(await save(new Uint8Array(10 * 1024 * 1024 + 1))).toEqual([{ field: 'photo', message: 'The photo is 10 MB: it must be 10 MB or smaller' }]);
    // Both problems at once: the officer fixes them in one go.
    expect(await problemsOf(photoSaver({ database, actor, personId: carter, altText: '  ', file: new TextEncoder().encode('text') }))).toEqual([
      { field: 'altText', message: expect.stringContaining('Enter the alt text') },
      { field: 'photo', message: 'The file is not a picture: choose a JPEG, PNG or WebP photo' },
    ]);
    const storedAfter = await database.db
      .selectFrom('stored_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(storedAfter.n)).toBe(Number(storedBefore.n));
    expect(await database.db.selectFrom('person_photo').selectAll().where('person_id', '=', carter).execute()).toEqual([]);
  });

  it('keeps 3:4 copies in three widths as WebP and JPEG, with no EXIF and no GPS', async () => {
    const original = await jpegWithGps();
    const originalExif = (await sharp(original).metadata()).exif;
    expect(originalExif && hasGpsPointer(originalExif)).toBe(true);
    await photoSaver({ database, actor, personId: whittle, altText: 'Photo of Mrs Jenny Whittle', file: original });
    const copies = await copiesOf(whittle);
    expect(copies.map((copy) => [copy.width, copy.height, copy.format])).toEqual([
      [120, 160, 'jpeg'],
      [120, 160, 'webp'],
      [240, 320, 'jpeg'],
      [240, 320, 'webp'],
      [480, 640, 'jpeg'],
      [480, 640, 'webp'],
    ]);
    for (const copy of copies) {
      const bytes = Buffer.from(copy.content);
      const metadata = await sharp(bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([copy.format, copy.width, copy.height]);
      expect(metadata.exif, `${copy.width} ${copy.format} has EXIF`).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    }
    const audit = await database.db.selectFrom('audit_log').select(['actor', 'action']).where('table_name', '=', 'person_photo').execute();
    expect(audit).toEqual([{ actor: actor.id, action: 'insert' }]);
  });

  it('changes the alt text alone, replaces the photo, and removes it, each audited', async () => {
    const before = (await copiesOf(whittle)).map((copy) => Buffer.from(copy.content).toString('base64'));
    await photoSaver({ database, actor, personId: whittle, altText: 'Councillor Jenny Whittle, smiling' });
    expect(await database.db.selectFrom('person_photo').select('alt_text').where('person_id', '=', whittle).executeTakeFirst()).toEqual({
      alt_text: 'Councillor Jenny Whittle, smiling',
    });
    expect((await copiesOf(whittle)).map((copy) => Buffer.from(copy.content).toString('base64'))).toEqual(before);

    await photoSaver({ database, actor, personId: whittle, altText: 'Photo of Mrs Jenny Whittle', file: await plainPng(300, 400) });
    const after = (await copiesOf(whittle)).map((copy) => Buffer.from(copy.content).toString('base64'));
    expect(after).toHaveLength(6);
    expect(after.some((copy) => before.includes(copy))).toBe(false);

    await photoRemover({ database, actor, personId: whittle });
    expect(await copiesOf(whittle)).toEqual([]);
    await expect(photoRemover({ database, actor, personId: whittle })).rejects.toThrow('This person has no photo to remove');
    expect(await problemsOf(photoSaver({ database, actor, personId: whittle, altText: 'Photo of Mrs Jenny Whittle' }))).toEqual([
      { field: 'photo', message: 'Choose a photo to upload: a JPEG, PNG or WebP file' },
    ]);
    const actions = await database.db.selectFrom('audit_log').select(['actor', 'action']).where('table_name', '=', 'person_photo').orderBy('id').execute();
    expect(actions.map((row) => row.action)).toEqual(['insert', 'update', 'update', 'delete']);
    expect(new Set(actions.map((row) => row.actor))).toEqual(new Set([actor.id]));
  });

  it('a councillor without a photo: the pages show none, and a photo URL is not found', async () => {
    const page = await app.inject({ method: 'GET', url: `/people/${carter}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<picture');
    expect((await app.inject({ method: 'GET', url: `/people/${carter}/photo/240.jpg` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/councillors' })).body).not.toContain('<picture');
  });

  it('uploaded in the back office, shown on the portal and served with its cache headers', async () => {
    const officer = new Client(app);
    await officer.signIn(officerEmail);
    const roster = await officer.get('/admin/members');
    expect(roster.body).toContain(`href="/admin/members/${whittle}/photo"`);
    const form = await officer.get(`/admin/members/${whittle}/photo`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Photo of Mrs Jenny Whittle"');

    const refused = await officer.postMultipart(
      `/admin/members/${whittle}/photo`,
      { altText: 'Photo of <b>Jenny</b>' },
      { photo: { filename: 'me.jpg', content: 'not a picture', type: 'image/jpeg' } },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('The file is not a picture: choose a JPEG, PNG or WebP photo');
    expect(refused.body).toContain('value="Photo of &lt;b&gt;Jenny&lt;/b&gt;"');

    const saved = await officer.postMultipart(
      `/admin/members/${whittle}/photo`,
      { altText: 'Photo of Mrs Jenny Whittle' },
      { photo: { filename: 'me.jpg', content: await jpegWithGps(), type: 'image/jpeg' } },
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/members/${whittle}/photo?done=saved`);
    expect((await officer.get(saved.headers.location as string)).body).toContain('Photo saved');

    const page = await app.inject({ method: 'GET', url: `/people/${whittle}` });
    const img = /<img src="([^"]+)" srcset="([^"]+)" sizes="240px" alt="Photo of Mrs Jenny Whittle" width="240" height="320"/.exec(page.body);
    expect(img, page.body.slice(page.body.indexOf('<h1'), page.body.indexOf('<h1') + 1500)).not.toBeNull();
    expect(img![2]).toMatch(/\/120\.jpg\?v=[0-9a-f]{16} 120w, .*\/240\.jpg\?v=[0-9a-f]{16} 240w, .*\/480\.jpg\?v=[0-9a-f]{16} 480w$/);
    expect(page.body).toMatch(/<source type="image\/webp" srcset="[^"]*\/240\.webp\?v=[0-9a-f]{16} 240w/);

    const photo = await app.inject({ method: 'GET', url: img![1]! });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const metadata = await sharp(photo.rawPayload).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.exif]).toEqual(['jpeg', 240, 320, undefined]);
    const etag = photo.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await app.inject({ method: 'GET', url: img![1]!.split('?')[0]!, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const unversioned = await app.inject({ method: 'GET', url: `/people/${whittle}/photo/480.webp` });
    expect([unversioned.statusCode, unversioned.headers['content-type'], unversioned.headers['cache-control']]).toEqual([
      200,
      'image/webp',
      'public, no-cache',
    ]);
    for (const bad of ['241.jpg', '240.gif', '240.jpeg', 'x'])
      expect((await app.inject({ method: 'GET', url: `/people/${whittle}/photo/${bad}` })).statusCode, bad).toBe(404);

    const list = await app.inject({ method: 'GET', url: '/councillors' });
    expect(list.body).toMatch(/<img src="[^"]*\/120\.jpg\?v=[0-9a-f]{16}"[^>]* sizes="60px" alt="Photo of Mrs Jenny Whittle" width="60" height="80"/);

    const removed = await officer.post(`/admin/members/${whittle}/photo/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: `/people/${whittle}` })).body).not.toContain('<picture');
    expect((await app.inject({ method: 'GET', url: `/people/${whittle}/photo/480.webp` })).statusCode).toBe(404);
  });
});
