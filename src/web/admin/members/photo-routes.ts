/**
 * A councillor's photo in the back office (issue 19 item 1): the list of members with and without one, and per
 * member a form to upload or replace the photo with its alt text, change the alt text alone, or remove it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { NotFound } from '../../../http/errors.ts';
import { defaultAltText, MAX_PHOTO_BYTES } from '../../../domain/members/photo.ts';
import { findPhotoPerson, listMembersWithPhoto, photosOf } from '../../../db/repositories/photos.ts';
import { photoRemover, photoSaver } from '../../../services/members/photo-writer.ts';
import { optionalUploadedFile } from '../../shared/uploads.ts';
import { displayName } from '../../portal/presenters/names.ts';
import { personHref } from '../../portal/presenters/links.ts';
import { presentPhoto } from '../../portal/presenters/photo.ts';
import { formErrors, serviceProblems, type Problem } from '../../shared/forms.ts';

const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/) });
const PhotoForm = z.object({ altText: z.string().max(10_000).default(''), photo: optionalUploadedFile });
const SAVED = { saved: 'Photo saved', removed: 'Photo removed' } as const;
const Notice = z.object({ done: z.enum(['saved', 'removed']).optional() }).catch({});

export async function photoRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.member.photo'], (request, reply) => getMemberPhoto(deps, request, reply));
  app.post(ROUTES['admin.member.photo'], { config: { files: ['photo'] } }, (request, reply) => postMemberPhoto(deps, request, reply));
  app.post(ROUTES['admin.member.photo.remove'], (request, reply) => postMemberPhotoRemove(deps, request, reply));
}

async function personOf(deps: FeatureDeps, params: unknown) {
  const { database } = deps;
  const parsed = IdParams.safeParse(params);
  const person = parsed.success ? await findPhotoPerson(database.db, parsed.data.id) : undefined;
  if (!person) throw NotFound('Person not found');
  return { ...person, name: displayName(person) ?? person.family_name };
}

async function photoPage(deps: FeatureDeps, reply: FastifyReply, personId: string, options: { altText?: string; problems?: Problem[]; notice?: string } = {}) {
  const { database } = deps;
  const person = await personOf(deps, { id: personId });
  const photo = (await photosOf(database.db, [person.id])).get(person.id);
  const problems = options.problems ?? [];
  return reply.code(problems.length ? 400 : 200).view('admin/member-photo.njk', {
    pageTitle: `${problems.length ? 'Error: ' : ''}Photo of ${person.name}`,
    name: person.name,
    photo: presentPhoto(person.id, photo, 240),
    altText: options.altText ?? photo?.altText ?? defaultAltText(person.name),
    maxMegabytes: MAX_PHOTO_BYTES / (1024 * 1024),
    errors: problems.length ? formErrors(problems) : undefined,
    notice: options.notice,
    action: linkTo('admin.member.photo', { id: person.id }),
    removeAction: linkTo('admin.member.photo.remove', { id: person.id }),
    profileHref: personHref(person.id, person.name),
    photosHref: `${linkTo('admin.members')}#photos`,
  });
}

async function getMemberPhoto(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { id } = await personOf(deps, request.params);
  const done = Notice.parse(request.query ?? {}).done;
  return photoPage(deps, reply, id, { notice: done ? SAVED[done] : undefined });
}

async function postMemberPhoto(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = await personOf(deps, request.params);
  const form = PhotoForm.safeParse(request.body ?? {});
  const altText = form.success ? form.data.altText : '';
  if (!form.success)
    return photoPage(deps, reply, id, { altText, problems: [{ field: 'photo', message: 'Choose a photo to upload: a JPEG, PNG or WebP file' }] });
  try {
    await photoSaver({ database, actor: request.user!, personId: id, altText, file: form.data.photo?.data });
  } catch (error) {
    const problems = serviceProblems(error);
    if (!problems) throw error;
    return photoPage(deps, reply, id, { altText, problems });
  }
  return reply.redirect(`${linkTo('admin.member.photo', { id })}?done=saved`, 303);
}

async function postMemberPhotoRemove(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = await personOf(deps, request.params);
  await photoRemover({ database, actor: request.user!, personId: id });
  return reply.redirect(`${linkTo('admin.member.photo', { id })}?done=removed`, 303);
}

/** The members for the roster page's list of photos. */
export async function memberPhotoList(database: FeatureDeps['database']) {
  const rows = await listMembersWithPhoto(database.db);
  return rows.map((row) => ({
    name: displayName(row) ?? row.family_name,
    href: linkTo('admin.member.photo', { id: row.id }),
    hasPhoto: row.alt_text !== null,
  }));
}
