/**
 * reminderSender: chases the owners of recommendations that still await a response. Before the deadline (within
 * `daysBefore` days) and once after it, each owner gets a reminder per recommendation; every week each owner gets a
 * digest of everything they still owe. Every reminder is logged, and the log's unique key is taken before the
 * message is sent, so two runs (or two processes) never send the same reminder twice; a failed send gives the key
 * back so the next run tries again.
 */
import type { Transporter } from 'nodemailer';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/scrutiny.ts';
import type { ReminderKind } from '../../db/schema/scrutiny.ts';
import { formatName } from '../../domain/person-name.ts';
import { addDays, daysBetween, weekStarting } from '../../domain/scrutiny/deadline.ts';
import { AWAITING_RESPONSE } from '../../domain/scrutiny/status.ts';

export type Mailer = Pick<Transporter, 'sendMail'>;

export interface ReminderSenderProps {
  database: DatabaseHandle;
  mailer: Mailer;
  /** The day the run is for (ISO); reminders are decided as at this date, never from the clock. */
  asAt: string;
  from: string;
  /** Reminders start this many days before a deadline. */
  daysBefore?: number;
  /** For links in the messages, e.g. "https://quorum.example.gov.uk". */
  baseUrl?: string;
}

export interface SentReminder {
  kind: ReminderKind;
  email: string;
  subject: string;
  recommendationIds: string[];
}

export interface ReminderRun {
  sent: SentReminder[];
  failed: Array<SentReminder & { error: string }>;
  /** Owners with open recommendations but no email address: they cannot be chased. */
  withoutEmail: string[];
}

interface OwedItem {
  id: string;
  itemTitle: string;
  number: number;
  text: string | null;
  dueDate: string;
  meetingDate: string;
  bodyName: string;
  status: string;
}

interface Owner {
  personId: string;
  name: string;
  email: string | null;
  owed: OwedItem[];
}

export const DEFAULT_DAYS_BEFORE = 14;

export async function reminderSender(props: ReminderSenderProps): Promise<ReminderRun> {
  const daysBefore = props.daysBefore ?? DEFAULT_DAYS_BEFORE;
  const { db } = props.database;
  const open = await store.listRecommendations(db, { statuses: [...AWAITING_RESPONSE] });
  const ownerRows = await store.ownersOf(
    db,
    open.map((row) => row.id),
  );
  const owners = new Map<string, Owner>();
  for (const row of ownerRows) {
    if (!row.person_id) continue;
    const recommendation = open.find((candidate) => candidate.id === row.recommendation_id)!;
    const owner = owners.get(row.person_id) ?? {
      personId: row.person_id,
      name: formatName({
        honorific: row.honorific ?? undefined,
        givenName: row.given_name ?? undefined,
        initials: row.initials ?? [],
        familyName: row.family_name ?? row.printed,
        postNominals: [],
      }),
      email: row.email ?? null,
      owed: [],
    };
    if (!owner.owed.some((item) => item.id === recommendation.id)) {
      owner.owed.push({
        id: recommendation.id,
        itemTitle: recommendation.item_title,
        number: recommendation.number,
        text: recommendation.text,
        dueDate: recommendation.due_date,
        meetingDate: recommendation.meeting_date,
        bodyName: recommendation.body_name,
        status: recommendation.status,
      });
    }
    owners.set(row.person_id, owner);
  }

  const run: ReminderRun = { sent: [], failed: [], withoutEmail: [] };
  for (const owner of [...owners.values()].sort((a, b) => a.personId.localeCompare(b.personId))) {
    if (!owner.email) {
      run.withoutEmail.push(owner.name);
      continue;
    }
    const owed = [...owner.owed].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number - b.number);
    for (const item of owed) {
      if (props.asAt > item.dueDate) {
        await send(props, run, owner, 'after-deadline', `after:${item.id}:${owner.personId}`, [item], overdueMessage(props, owner, item));
      } else if (props.asAt >= addDays(item.dueDate, -daysBefore)) {
        await send(props, run, owner, 'before-deadline', `before:${item.id}:${owner.personId}`, [item], dueSoonMessage(props, owner, item));
      }
    }
    await send(props, run, owner, 'weekly-digest', `digest:${owner.personId}:${weekStarting(props.asAt)}`, owed, digestMessage(props, owner, owed));
  }
  return run;
}

async function send(
  props: ReminderSenderProps,
  run: ReminderRun,
  owner: Owner,
  kind: ReminderKind,
  dedupeKey: string,
  items: OwedItem[],
  message: { subject: string; text: string },
): Promise<void> {
  const { db } = props.database;
  const reminder: SentReminder = { kind, email: owner.email!, subject: message.subject, recommendationIds: items.map((item) => item.id) };
  const claimed = await store.logReminder(db, {
    kind,
    dedupe_key: dedupeKey,
    person_id: owner.personId,
    email: owner.email!,
    recommendation_ids: reminder.recommendationIds,
    as_at: props.asAt,
    subject: message.subject,
    message_id: null,
  });
  if (!claimed) return;
  try {
    const info = await props.mailer.sendMail({ from: props.from, to: owner.email!, subject: message.subject, text: message.text });
    await store.setReminderMessageId(db, dedupeKey, String(info.messageId ?? 'sent'));
    run.sent.push(reminder);
  } catch (error) {
    await store.removeReminder(db, dedupeKey);
    run.failed.push({ ...reminder, error: (error as Error).message });
  }
}

function describe(item: OwedItem): string {
  const words = item.text ? `: ${item.text.length > 300 ? `${item.text.slice(0, 297)}…` : item.text}` : '';
  return `${item.itemTitle} (${item.bodyName}, ${item.meetingDate}), recommendation ${item.number}${words}`;
}

function link(props: ReminderSenderProps): string {
  return props.baseUrl ? `\n\nRecord your response at ${props.baseUrl}/admin/scrutiny/my-actions` : '';
}

function dueSoonMessage(props: ReminderSenderProps, owner: Owner, item: OwedItem) {
  const days = daysBetween(props.asAt, item.dueDate);
  return {
    subject: `Response due ${item.dueDate}: ${item.itemTitle}, recommendation ${item.number}`,
    text: `Dear ${owner.name},\n\nA response to this scrutiny recommendation is due on ${item.dueDate} (in ${days} ${days === 1 ? 'day' : 'days'}):\n\n${describe(item)}${link(props)}\n`,
  };
}

function overdueMessage(props: ReminderSenderProps, owner: Owner, item: OwedItem) {
  return {
    subject: `Overdue since ${item.dueDate}: ${item.itemTitle}, recommendation ${item.number}`,
    text: `Dear ${owner.name},\n\nThe response to this scrutiny recommendation was due on ${item.dueDate} and has not been received. It is now ${item.status === 'OUTSTANDING' ? 'OUTSTANDING' : 'overdue'}:\n\n${describe(item)}${link(props)}\n`,
  };
}

function digestMessage(props: ReminderSenderProps, owner: Owner, owed: OwedItem[]) {
  const overdue = owed.filter((item) => props.asAt > item.dueDate).length;
  const lines = owed.map((item) => `- ${props.asAt > item.dueDate ? 'OVERDUE ' : ''}due ${item.dueDate}: ${describe(item)}`);
  return {
    subject: `Your scrutiny actions for the week of ${weekStarting(props.asAt)}: ${owed.length} open, ${overdue} overdue`,
    text: `Dear ${owner.name},\n\nThese scrutiny recommendations await your response:\n\n${lines.join('\n')}${link(props)}\n`,
  };
}
