/**
 * The meeting changes that need a second look: approving minutes (a confirmation page naming both meetings), undoing
 * a mistaken approval (with a reason), deleting a meeting created in error (a confirmation page) and withdrawing a
 * published one (with a public reason). Thin: zod, one service call, then redirect or render.
 */
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import { z } from 'zod';
import * as store from '../../../db/records/minutes.ts';
import type { DatabaseHandle } from '../../../db/engine.ts';
import { NotFound } from '../../../http/errors.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { ApprovalFieldsSchema, ApprovalUndoSchema, minutesApprovalUndoer, minutesApprover } from '../../../services/committee/minutes-workflow.ts';
import { meetingDeleter, meetingWithdrawer, WithdrawalSchema } from '../../../services/committee/meeting-changes.ts';
import { formAction } from '../form-action.ts';
import { formErrors } from '../../shared/forms.ts';
import { longDate } from '../presenters.ts';
import { renderMeetingHub } from './hub.ts';
import { findMeetingForEdit } from '../../../db/records/meetings.ts';
import { listAgendaItemRows } from '../../../db/records/agenda-items.ts';

const IdParams = z.object({ id: z.string().min(1).max(200) });

const back = (id: string) => linkTo('admin.meeting', { id });

export function registerLifecycleRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  // Approving asks first: the confirmation page names the meeting whose minutes are approved and the meeting that did.
  app.post(ROUTES['admin.meeting.approveMinutes'], (request, reply) => postMeetingApproveMinutes(database, request, reply));
  app.post(ROUTES['admin.meeting.undoApproval'], (request, reply) => postMeetingUndoApproval(database, request, reply));
  app.get(ROUTES['admin.meeting.delete'], (request, reply) => getMeetingDelete(database, request, reply));
  app.post(ROUTES['admin.meeting.delete'], (request, reply) => postMeetingDelete(database, request, reply));
  app.post(ROUTES['admin.meeting.withdraw'], (request, reply) => postMeetingWithdraw(database, request, reply));
}

async function deletePage(database: DatabaseHandle, reply: import('fastify').FastifyReply, id: string, failure?: { message: string; status: number }) {
  const db = database.db;
  const meeting = await findMeetingForEdit(db, id);
  if (!meeting) throw NotFound('Meeting not found');
  const [items, minutes] = await Promise.all([listAgendaItemRows(db, id), store.listMinutes(db, id)]);
  return reply.code(failure?.status ?? 200).view('admin/meeting-delete.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Delete this meeting?`,
    meeting: { ...meeting, longDate: longDate(meeting.date) },
    counts: { items: items.length, minutes: minutes.length },
    error: failure ? formErrors([{ field: 'form', message: failure.message }]) : undefined,
  });
}

async function postMeetingApproveMinutes(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  let confirmation: unknown;
  return formAction({
    schema: ApprovalFieldsSchema,
    body: values,
    run: async (data) => {
      const outcome = await minutesApprover({ database, actor: request.user!, meetingId: id, atMeetingId: data.atMeetingId, confirm: data.confirm });
      if (!outcome.approved) {
        confirmation = reply.view('admin/approve-confirm.njk', {
          pageTitle: 'Approve these minutes as a correct record?',
          meeting: { id: outcome.meeting.id, bodyName: outcome.meeting.bodyName, longDate: longDate(outcome.meeting.date) },
          at: { id: outcome.at.id, longDate: longDate(outcome.at.date) },
        });
        return '';
      }
      return back(id);
    },
    fail: (problems, status) => renderMeetingHub(reply, database, id, { form: 'approve', values, problems, status }),
    redirect: (url) => (url ? reply.redirect(url, 303) : confirmation),
  });
}

async function postMeetingUndoApproval(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: ApprovalUndoSchema,
    body: values,
    run: async (data) => {
      await minutesApprovalUndoer({ database, actor: request.user!, meetingId: id, reason: data.reason });
      return back(id);
    },
    fail: (problems, status) => renderMeetingHub(reply, database, id, { form: 'undoApproval', values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getMeetingDelete(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  return deletePage(database, reply, IdParams.parse(request.params).id);
}

async function postMeetingDelete(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const { id } = IdParams.parse(request.params);
  return formAction({
    schema: z.object({}),
    body: request.body,
    run: async () => {
      await meetingDeleter({ database, actor: request.user!, id });
      return linkTo('admin.home');
    },
    fail: (problems, status) => deletePage(database, reply, id, { message: problems[0]?.message ?? 'The meeting could not be deleted', status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function postMeetingWithdraw(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: WithdrawalSchema,
    body: values,
    run: async (data) => {
      await meetingWithdrawer({ database, actor: request.user!, id, ...data });
      return back(id);
    },
    fail: (problems, status) => renderMeetingHub(reply, database, id, { form: 'withdraw', values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}
