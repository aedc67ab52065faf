/** View models for the officers' and owners' scrutiny pages: rows in, wording and links out. */
import type * as store from '../../db/repositories/scrutiny.ts';
import { TRANSITIONS, type ScrutinyStatus } from '../../domain/scrutiny/status.ts';
import { formatShortDate } from '../../domain/dates.ts';
import type { TrackerRow } from '../../services/scrutiny/tracker.ts';
import { linkTo } from '../../http/routes.ts';
import { personName, statusTag } from './presenters.ts';

type Owner = Awaited<ReturnType<typeof store.ownersOf>>[number];
type Response = Awaited<ReturnType<typeof store.responsesOf>>[number];
type Change = Awaited<ReturnType<typeof store.statusHistory>>[number];
type Item = NonNullable<Awaited<ReturnType<typeof store.findItem>>>;

const MISSING_TEXT = 'The words of this recommendation are in the minutes of the meeting.';

export function ownerName(owner: Owner): string {
  return personName(owner, owner.printed);
}

export function presentTrackerRow(row: TrackerRow, href: string) {
  return {
    id: row.id,
    href,
    itemTitle: row.item_title,
    number: row.number,
    text: row.text ?? MISSING_TEXT,
    bodyName: row.body_name,
    meetingDate: formatShortDate(row.meeting_date),
    dueDate: formatShortDate(row.due_date),
    overdue: row.overdue,
    status: statusTag(row.status),
    owners: row.owners.map(ownerName).join(', ') || 'No one named',
    portfolio:
      row.portfolio_printed ??
      personName({
        honorific: row.holder_honorific,
        given_name: row.holder_given_name,
        initials: row.holder_initials,
        family_name: row.holder_family_name,
        post_nominals: row.holder_post_nominals,
      }),
    published: row.published,
    responseCount: row.response_count ?? 0,
  };
}

/** Everything an officer or owner sees of one recommendation. */
export function presentDetail(row: store.RecommendationDetailRow, item: Item | undefined, responses: Response[], owners: Owner[], history: Change[]) {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    itemTitle: row.item_title,
    text: row.text ?? MISSING_TEXT,
    context: row.context,
    status: statusTag(row.status),
    statusWord: row.status,
    published: row.published,
    dueDate: formatShortDate(row.due_date),
    receivedOn: formatShortDate(row.received_on ?? row.meeting_date),
    notes: row.tracking_notes,
    addressee: row.addressee,
    bodyName: row.body_name,
    meetingDate: formatShortDate(row.meeting_date),
    meetingHref: linkTo('meeting.show', { id: row.meeting_id }),
    decisionHref: row.decision_id ? linkTo('decision.show', { id: row.decision_id }) : null,
    reportHref: row.report_id ? linkTo('report.show', { id: row.report_id }) : null,
    publicHref: linkTo('scrutiny.recommendation', { id: row.id }),
    portfolio: item?.portfolio_printed ?? null,
    synopsis: item?.synopsis ?? null,
    owners: owners.map((owner) => ({ name: ownerName(owner), instruction: owner.instruction })),
    responses: responses.map((response) => ({
      paragraphs: response.text.split(/\n{2,}/),
      date: response.response_date ? formatShortDate(response.response_date) : null,
      responder: personName(response, response.responder_printed ?? ''),
    })),
    history: history.map((change) => ({
      from: change.from_status,
      to: change.to_status,
      date: formatShortDate(change.effective_date),
      reason: change.reason,
      actor: change.actor,
    })),
  };
}
export type RecommendationDetail = ReturnType<typeof presentDetail>;

/** The statuses a recommendation may move to from where it is: the only choices the form offers. */
export function transitionChoices(from: ScrutinyStatus, chosen?: string) {
  return TRANSITIONS[from].map((status) => ({ value: status, text: status, checked: status === chosen }));
}

export function selectItems(choices: Array<{ value: string; text: string }>, selected: string | undefined, blank: string) {
  return [{ value: '', text: blank, selected: !selected }, ...choices.map((choice) => ({ ...choice, selected: choice.value === selected }))];
}
