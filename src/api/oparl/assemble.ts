import * as q from '../../db/queries/api/oparl.ts';
import type { AbsoluteLink } from '../links.ts';
import * as present from './presenters.ts';
import type { OParlObject } from './presenters.ts';
import { groupBy } from '../../domain/group-by.ts';
import type { Db } from '../../db/types.ts';

export async function agendaItemObjects(db: Db, link: AbsoluteLink, rows: q.AgendaItemRow[], options: { withMeeting: boolean }): Promise<OParlObject[]> {
  const ids = rows.map((row) => row.id);
  const resolutions = groupBy(await q.resolutionsOfAgendaItems(db, ids), (row) => row.agenda_item_id);
  const voteEvents = groupBy(await q.voteEventsOfAgendaItems(db, ids), (row) => row.agenda_item_id);
  const notices = groupBy(await q.noticesOfAgendaItems(db, ids), (row) => row.agenda_item_id);
  return rows.map((row) =>
    present.presentAgendaItem(
      link,
      row,
      {
        resolutions: (resolutions.get(row.id) ?? []).map((resolution) => resolution.text),
        voteEventIds: (voteEvents.get(row.id) ?? []).map((event) => event.id),
        notices: (notices.get(row.id) ?? []).map((notice) => ({ text: notice.text, moverId: notice.mover_id, seconderId: notice.seconder_id })),
      },
      options,
    ),
  );
}

export async function meetingObjects(db: Db, link: AbsoluteLink, rows: q.MeetingRow[]): Promise<OParlObject[]> {
  const ids = rows.map((row) => row.id);
  const items = await q.agendaItemsOfMeetings(db, ids);
  const itemObjects = await agendaItemObjects(db, link, items, { withMeeting: false });
  const itemsByMeeting = groupBy(
    items.map((item, index) => ({ meetingId: item.meeting_id, object: itemObjects[index]! })),
    (entry) => entry.meetingId,
  );
  const participants = groupBy(await q.participantsOfMeetings(db, ids), (row) => row.meeting_id);
  return rows.map((row) =>
    present.presentMeeting(link, row, {
      agendaItems: (itemsByMeeting.get(row.id) ?? []).map((entry) => entry.object),
      participantIds: [...new Set((participants.get(row.id) ?? []).map((participant) => participant.person_id))],
    }),
  );
}

export async function personObjects(db: Db, link: AbsoluteLink, rows: q.PersonRow[]): Promise<OParlObject[]> {
  const memberships = groupBy(
    await q.membershipsOfPeople(
      db,
      rows.map((row) => row.id),
    ),
    (row) => row.person_id,
  );
  return rows.map((row) => present.presentPerson(link, row, memberships.get(row.id) ?? []));
}

export async function organizationObjects(db: Db, link: AbsoluteLink, rows: q.OrganizationRow[]): Promise<OParlObject[]> {
  const memberships = groupBy(
    await q.membershipsOfOrganizations(
      db,
      rows.map((row) => row.id),
    ),
    (row) => row.organization_id,
  );
  return rows.map((row) =>
    present.presentOrganization(
      link,
      row,
      (memberships.get(row.id) ?? []).map((membership) => membership.id),
    ),
  );
}

export async function paperObjects(db: Db, link: AbsoluteLink, rows: q.PaperRow[]): Promise<OParlObject[]> {
  const consultations = groupBy(
    await q.consultationsOfPapers(
      db,
      rows.map((row) => row.id),
    ),
    (row) => row.report_id,
  );
  return rows.map((row) => present.presentPaper(link, row, consultations.get(row.id) ?? []));
}

export async function locationObjects(db: Db, link: AbsoluteLink, rows: q.LocationRow[]): Promise<OParlObject[]> {
  const meetings = groupBy(
    await q.meetingsAtLocations(
      db,
      rows.map((row) => row.id),
    ),
    (row) => row.location_id,
  );
  return rows.map((row) =>
    present.presentLocation(
      link,
      row,
      (meetings.get(row.id) ?? []).map((meeting) => meeting.id),
    ),
  );
}
