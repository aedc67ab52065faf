import { seededRandom, type Random } from '../../domain/generate/random.ts';
import { TOPICS, sentence } from '../../domain/generate/vocabulary.ts';
import { stableId } from '../../domain/stable-id.ts';
import type { ScrutinyStatus } from '../../domain/scrutiny/status.ts';
import type { NewRow } from '../../db/types.ts';

/** Parents before children, after the committee records they refer to. */
export const ACCOUNTABILITY_TABLES = [
  'plan',
  'plan_priority',
  'plan_outcome',
  'plan_action',
  'plan_milestone',
  'plan_measure',
  'plan_lead',
  'requirement_set',
  'requirement',
  'plan_action_requirement',
  'indicator',
  'indicator_target',
  'indicator_observation',
  'plan_progress_update',
  'scrutiny_item',
  'scrutiny_recommendation',
  'scrutiny_action_owner',
  'scrutiny_response',
] as const;

export type AccountabilityRows = { [T in (typeof ACCOUNTABILITY_TABLES)[number]]?: Array<NewRow<T>> };

const SOURCE = { source_document_id: null, source_line_from: null, source_line_to: null };
const PRIORITIES = [
  'Safeguarding children at risk',
  'A stable and skilled workforce',
  'Effective early help',
  'Children in care and care leavers',
  'Partnership working',
  'Performance and quality assurance',
];
const ROLES = ['Heads of Service', 'Area Children’s Services Managers', 'Director of Specialist Children’s Services', 'Head of Performance'];
const REQUIREMENT_SETS = [
  { prefix: 'IN', name: 'Improvement Notice targets', source: 'Improvement Notice', count: 16 },
  { prefix: 'O', name: 'Ofsted recommendations', source: 'Ofsted inspection', count: 23 },
  { prefix: 'CT', name: 'Core tasks', source: 'Improvement Board', count: 10 },
];
const DUE = ['immediately', 'within three months', 'within six months'];
const INDICATORS = [
  { name: 'Initial assessments out of timescale', unit: 'count', polarity: 'lower-is-better', start: 600, target: 200 },
  { name: 'Social worker vacancy rate', unit: 'percent', polarity: 'lower-is-better', start: 25, target: 10 },
  { name: 'Children in care with three or more placements', unit: 'percent', polarity: 'lower-is-better', start: 14, target: 9 },
  { name: 'Child protection plans reviewed on time', unit: 'percent', polarity: 'higher-is-better', start: 78, target: 95 },
  { name: 'Referrals leading to an initial assessment', unit: 'percent', polarity: 'higher-is-better', start: 52, target: 70 },
  { name: 'Unallocated cases', unit: 'count', polarity: 'lower-is-better', start: 400, target: 50 },
] as const;
const STATUSES: Array<[ScrutinyStatus, number]> = [
  ['PENDING', 0.15],
  ['OUTSTANDING', 0.1],
  ['TO NOTE ONLY', 0.1],
  ['RESPONSE RECEIVED', 0.2],
  ['ACCEPTED', 0.2],
  ['PARTIALLY ACCEPTED', 0.08],
  ['REJECTED', 0.05],
  ['IMPLEMENTED', 0.07],
  ['CLOSED', 0.05],
];
const ANSWERED = new Set<ScrutinyStatus>(['RESPONSE RECEIVED', 'ACCEPTED', 'PARTIALLY ACCEPTED', 'REJECTED', 'IMPLEMENTED', 'CLOSED']);

export interface AccountabilityContext {
  seed: number;
  index: number;
  prefix: string;
  authorityId: string;
  startYear: number;
  years: number;
  members: string[];
  /** The cabinet's members: portfolio holders and those who answer scrutiny. */
  cabinet: string[];
  printed: Map<string, string>;
  /** The bodies whose meetings carry plan governance and scrutiny items. */
  cabinetBodyId: string;
  scrutinyBodyIds: Set<string>;
}

const monthOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function pickStatus(random: Random): ScrutinyStatus {
  let roll = random.next();
  for (const [status, weight] of STATUSES) if ((roll -= weight) < 0) return status;
  return 'PENDING';
}

export function accountabilityBuilder(context: AccountabilityContext) {
  const random = seededRandom(context.seed * 1000 + context.index + 7_919_000);
  const words = (n: number) =>
    Array.from({ length: n }, () =>
      random.pick([
        'service',
        'children',
        'families',
        'review',
        'practice',
        'managers',
        'partners',
        'timescales',
        'quality',
        'caseloads',
        'audit',
        'training',
        'recruitment',
        'performance',
        'plan',
      ]),
    );
  const { prefix, authorityId, startYear } = context;
  const planId = stableId('plan', prefix, 'improvement');
  const actions: Array<{ id: string; start: string; end: string; measureIds: string[] }> = [];
  const indicators: Array<{ id: string; start: number; target: number; unit: string }> = [];

  function setup(): AccountabilityRows {
    const rows: Required<
      Pick<
        AccountabilityRows,
        | 'plan'
        | 'plan_priority'
        | 'plan_outcome'
        | 'plan_action'
        | 'plan_milestone'
        | 'plan_measure'
        | 'plan_lead'
        | 'requirement_set'
        | 'requirement'
        | 'plan_action_requirement'
        | 'indicator'
        | 'indicator_target'
      >
    > = {
      plan: [],
      plan_priority: [],
      plan_outcome: [],
      plan_action: [],
      plan_milestone: [],
      plan_measure: [],
      plan_lead: [],
      requirement_set: [],
      requirement: [],
      plan_action_requirement: [],
      indicator: [],
      indicator_target: [],
    };
    rows.plan.push({
      id: planId,
      authority_id: authorityId,
      title: 'Improving Services for Children',
      slug: `${prefix}-improving-services-for-children`,
      issued_month: monthOf(startYear, 6),
      owner_body_id: context.cabinetBodyId,
      ...SOURCE,
    });
    const requirements: string[] = [];
    for (const set of REQUIREMENT_SETS) {
      const setId = stableId('requirement-set', prefix, set.prefix);
      rows.requirement_set.push({ id: setId, authority_id: authorityId, plan_id: planId, prefix: set.prefix, name: set.name, source: set.source, ...SOURCE });
      for (let number = 1; number <= set.count; number++) {
        const id = stableId('requirement', setId, number);
        requirements.push(id);
        rows.requirement.push({
          id,
          set_id: setId,
          code: `${set.prefix} ${number}`,
          number,
          text: sentence(words, random.pick(TOPICS)),
          area: null,
          due_category: set.prefix === 'O' ? random.pick(DUE) : null,
          due_date: set.prefix === 'IN' ? lastDay(startYear + 1, random.int(1, 12)) : null,
          ...SOURCE,
        });
      }
    }
    let leadPosition = 0;
    PRIORITIES.forEach((title, p) => {
      const priorityId = stableId('plan-priority', planId, p + 1);
      rows.plan_priority.push({ id: priorityId, plan_id: planId, number: p + 1, title, key_objectives: sentence(words, title.toLowerCase()), ...SOURCE });
      rows.plan_lead.push({
        id: stableId('plan-lead', priorityId, 0),
        plan_id: planId,
        priority_id: priorityId,
        milestone_id: null,
        position: leadPosition++,
        person_id: random.pick(context.cabinet),
        role: null,
      });
      for (let o = 1; o <= 4; o++) {
        const outcomeId = stableId('plan-outcome', planId, p + 1, o);
        rows.plan_outcome.push({
          id: outcomeId,
          plan_id: planId,
          priority_id: priorityId,
          ref: `${p + 1}.${o}`,
          statement: sentence(words, title.toLowerCase()),
          ...SOURCE,
        });
        for (let a = 1; a <= random.int(4, 6); a++) {
          const ref = `${p + 1}.${o}.${a}`;
          const actionId = stableId('plan-action', planId, ref);
          rows.plan_action.push({
            id: actionId,
            plan_id: planId,
            outcome_id: outcomeId,
            ref,
            position: actions.length + 1,
            text: sentence(words, random.pick(TOPICS)),
            joint_with: random.chance(0.2) ? 'Health partners' : null,
            ...SOURCE,
          });
          const start = `${startYear}-${String(random.int(6, 12)).padStart(2, '0')}-01`;
          const end = addDays(start, random.int(60, 540));
          const measureIds: string[] = [];
          for (let m = 1; m <= random.int(1, 2); m++) {
            const milestoneId = stableId('plan-milestone', actionId, m);
            const recurring = random.chance(0.2);
            rows.plan_milestone.push({
              id: milestoneId,
              action_id: actionId,
              position: m,
              timescale_text: recurring ? 'Review monthly' : `${start} to ${end}`,
              timescale_kind: recurring ? 'recurring' : 'range',
              start_date: recurring ? null : start,
              end_date: recurring ? null : end,
              recurrence: recurring ? 'monthly' : null,
              until_date: null,
              review: recurring,
              ...SOURCE,
            });
            const measureId = stableId('plan-measure', milestoneId, 1);
            measureIds.push(measureId);
            rows.plan_measure.push({ id: measureId, milestone_id: milestoneId, position: 1, text: sentence(words, random.pick(TOPICS)) });
            rows.plan_lead.push({
              id: stableId('plan-lead', milestoneId, 0),
              plan_id: planId,
              priority_id: null,
              milestone_id: milestoneId,
              position: leadPosition++,
              person_id: null,
              role: random.pick(ROLES),
            });
          }
          for (const requirementId of random.sample(requirements, random.int(0, 2))) {
            rows.plan_action_requirement.push({
              id: stableId('plan-action-requirement', actionId, requirementId),
              action_id: actionId,
              requirement_id: requirementId,
            });
          }
          actions.push({ id: actionId, start, end, measureIds });
        }
      }
    });
    INDICATORS.forEach((indicator, i) => {
      const id = stableId('indicator', prefix, indicator.name);
      rows.indicator.push({
        id,
        authority_id: authorityId,
        plan_id: planId,
        name: indicator.name,
        slug: `${prefix}-${indicator.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        definition: sentence(words, indicator.name.toLowerCase()),
        impact: null,
        unit: indicator.unit,
        polarity: indicator.polarity,
        frequency: 'monthly',
        position: i + 1,
        on_dashboard: true,
        ...SOURCE,
      });
      rows.indicator_target.push({
        id: stableId('indicator-target', id, 1),
        indicator_id: id,
        requirement_id: requirements[i] ?? null,
        value: indicator.target,
        comparison: indicator.polarity === 'lower-is-better' ? 'at-most' : 'at-least',
        deadline: lastDay(startYear + 2, 3),
        printed_label: `${indicator.target}${indicator.unit === 'percent' ? '%' : ''}`,
        note: null,
      });
      indicators.push({ id, start: indicator.start, target: indicator.target, unit: indicator.unit });
    });
    return rows;
  }

  /** One year's scrutiny items on the scrutiny bodies' meetings, plan progress and indicator figures. */
  function year(y: number, meetings: ReadonlyArray<{ id: string; body_id: string; date: string }>): AccountabilityRows {
    const rows: Required<
      Pick<
        AccountabilityRows,
        'indicator_observation' | 'plan_progress_update' | 'scrutiny_item' | 'scrutiny_recommendation' | 'scrutiny_action_owner' | 'scrutiny_response'
      >
    > = {
      indicator_observation: [],
      plan_progress_update: [],
      scrutiny_item: [],
      scrutiny_recommendation: [],
      scrutiny_action_owner: [],
      scrutiny_response: [],
    };
    const calendarYear = startYear + y;
    // Figures move from where they started towards the target over the plan's first years, with noise.
    for (const indicator of indicators) {
      for (let month = 1; month <= 12; month++) {
        const progress = Math.min(1, (y * 12 + month) / 36);
        const value = indicator.start + (indicator.target - indicator.start) * progress * (0.85 + random.next() * 0.3);
        const rounded = indicator.unit === 'percent' ? Math.round(value * 10) / 10 : Math.round(value);
        rows.indicator_observation.push({
          id: stableId('indicator-observation', indicator.id, calendarYear, month),
          indicator_id: indicator.id,
          period: monthOf(calendarYear, month),
          value: rounded,
          as_at: lastDay(calendarYear, month),
          printed_label: null,
          commentary: null,
          ...SOURCE,
        });
      }
    }
    for (const action of random.sample(actions, Math.ceil(actions.length / 4))) {
      const date = `${calendarYear}-${String(random.int(1, 12)).padStart(2, '0')}-15`;
      const done = date > action.end && random.chance(0.7);
      rows.plan_progress_update.push({
        id: stableId('plan-progress-update', action.id, date),
        action_id: action.id,
        measure_id: done ? action.measureIds[0]! : null,
        update_date: date,
        rag: done ? 'green' : random.pick(['red', 'amber', 'green'] as const),
        narrative: sentence(words, random.pick(TOPICS)),
        measure_completed: done,
        author_name: context.printed.get(random.pick(context.cabinet)) ?? 'Programme manager',
        author_person_id: null,
      });
    }
    const scrutinyMeetings = meetings.filter((meeting) => context.scrutinyBodyIds.has(meeting.body_id));
    for (const meeting of scrutinyMeetings.filter(() => random.chance(0.5))) {
      const itemId = stableId('scrutiny-item', meeting.id, 1);
      const topic = random.pick(TOPICS);
      const holder = random.pick(context.cabinet);
      const callIn = random.chance(0.25);
      rows.scrutiny_item.push({
        id: itemId,
        authority_id: authorityId,
        kind: callIn ? 'call-in' : 'review',
        body_id: meeting.body_id,
        meeting_id: meeting.id,
        title: `${topic.charAt(0).toUpperCase()}${topic.slice(1)}`,
        subtitle: null,
        portfolio_printed: 'Cabinet Member',
        portfolio_holder_id: holder,
        synopsis: sentence(words, topic),
        call_in_reason: callIn ? sentence(words, topic) : null,
        decision_id: null,
        report_id: null,
        addressed_to: context.printed.get(holder) ?? null,
        executive_response: null,
        executive_response_date: null,
        ...SOURCE,
      });
      for (let number = 1; number <= random.int(2, 6); number++) {
        const recommendationId = stableId('scrutiny-recommendation', itemId, number);
        const status = pickStatus(random);
        rows.scrutiny_recommendation.push({
          id: recommendationId,
          item_id: itemId,
          number,
          text: `That the Cabinet Member ${sentence(words, topic).toLowerCase()}`,
          context: null,
          addressee: context.printed.get(holder) ?? null,
          status,
          due_date: addDays(meeting.date, 61),
          tracking_notes: null,
          published: true,
          ...SOURCE,
        });
        rows.scrutiny_action_owner.push({
          id: stableId('scrutiny-action-owner', recommendationId, 0),
          recommendation_id: recommendationId,
          person_id: holder,
          printed: context.printed.get(holder) ?? 'Cabinet Member',
          instruction: null,
          position: 0,
        });
        if (ANSWERED.has(status)) {
          rows.scrutiny_response.push({
            id: stableId('scrutiny-response', recommendationId, 0),
            recommendation_id: recommendationId,
            text: sentence(words, topic),
            response_date: addDays(meeting.date, random.int(20, 90)),
            responder_id: holder,
            responder_printed: context.printed.get(holder) ?? null,
            ...SOURCE,
          });
        }
      }
    }
    return rows;
  }

  return { setup, year };
}
