/** Members' questions at a meeting, with the answers; a question whose asker or addressee is unclear is left out. */
import { stableId } from '../../../domain/stable-id.ts';
import type { MeetingRecord } from '../../types.ts';
import { sourceOf } from '../context.ts';
import type { FileScope } from './scope.ts';

export function recordQuestions(scope: FileScope, meeting: MeetingRecord, meetingId: string): void {
  const { ctx, batch, person } = scope;
  meeting.questions.forEach((question, index) => {
    const askedBy = person(question.askedBy, { kind: 'member' }, question.lineFrom);
    const askedTo = question.askedTo ? person(question.askedTo, { kind: 'member', role: question.toRole }, question.lineFrom) : null;
    if (!askedBy || askedTo === undefined) return;
    batch.add('question', {
      id: stableId('question', meetingId, index + 1, question.question.slice(0, 80)),
      meeting_id: meetingId,
      position: index + 1,
      asked_by_id: askedBy,
      asked_to_id: askedTo,
      to_role: question.toRole ?? null,
      question_text: question.question,
      answer_text: question.answer ?? null,
      ...sourceOf(ctx, question),
    });
  });
}
