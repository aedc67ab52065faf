/**
 * Improvement plans (docs/plans.md): priorities, outcomes, actions, milestones, measures, leads, the requirements
 * they answer and the progress reported. Plans are published documents: a public export keeps them all, less who
 * wrote each progress update (an officer's name, not shown on the public pages).
 */
import { z } from 'zod';
import { ACTION_STATUSES } from '../../../domain/plans/action-status.ts';
import { bool, day, id, int, source, text } from '../fields.ts';
import type { ExportSection, TableRows } from '../table-section.ts';

const publicRows = (rows: TableRows): TableRows => ({
  ...rows,
  plan_progress_update: (rows.plan_progress_update ?? []).map((row) => ({ ...row, author_name: '', author_person_id: null })),
});

export const plansSection: ExportSection = {
  name: 'plans',
  about: 'Improvement plans and the progress reported against them (docs/plans.md).',
  publicRule: 'Everything (plans are published documents), except who wrote each progress update: `authorName` empty, `authorPersonId` null.',
  publicRows,
  tables: [
    {
      key: 'plans',
      table: 'plan',
      about: 'An improvement plan.',
      fields: { id, authorityId: id, title: text, slug: text, issuedMonth: text.nullable().describe('`YYYY-MM`'), ownerBodyId: id.nullable(), ...source },
    },
    { key: 'governance', table: 'plan_governance', about: 'A body that oversees a plan, in order.', fields: { id, planId: id, bodyId: id, position: int } },
    {
      key: 'priorities',
      table: 'plan_priority',
      about: 'A numbered priority of a plan.',
      fields: { id, planId: id, number: int, title: text, keyObjectives: text, ...source },
    },
    {
      key: 'outcomes',
      table: 'plan_outcome',
      about: 'An outcome sought under a priority.',
      fields: { id, planId: id, priorityId: id, ref: text, statement: text, ...source },
    },
    {
      key: 'actions',
      table: 'plan_action',
      about: 'An action towards an outcome; an action read from prose belongs to no outcome.',
      fields: {
        id,
        planId: id,
        outcomeId: id.nullable(),
        ref: text,
        position: int,
        text,
        jointWith: text.nullable(),
        status: z.enum(ACTION_STATUSES).nullable().describe('As a paper stated it: `completed`, `in-progress`, `outstanding`, `not-started`, `cancelled`.'),
        ...source,
      },
    },
    {
      key: 'milestones',
      table: 'plan_milestone',
      about: 'When an action is due, as printed and as read.',
      fields: {
        id,
        actionId: id,
        position: int,
        timescaleText: text.describe('As printed, e.g. `By March 2012`.'),
        timescaleKind: text,
        startDate: day.nullable(),
        endDate: day.nullable(),
        recurrence: text.nullable().describe('`weekly` | `monthly` | `bi-monthly` | `quarterly` | `annually`'),
        untilDate: day.nullable(),
        review: bool,
        ...source,
      },
    },
    { key: 'measures', table: 'plan_measure', about: "How a milestone's success is measured.", fields: { id, milestoneId: id, position: int, text } },
    {
      key: 'leads',
      table: 'plan_lead',
      about: 'Who leads a priority or a milestone.',
      fields: { id, planId: id, priorityId: id.nullable(), milestoneId: id.nullable(), position: int, personId: id.nullable(), role: text.nullable() },
    },
    {
      key: 'requirementSets',
      table: 'requirement_set',
      about: "A set of requirements a plan answers (e.g. an inspection's recommendations).",
      fields: { id, authorityId: id, planId: id.nullable(), prefix: text, name: text, source: text, ...source },
    },
    {
      key: 'requirements',
      table: 'requirement',
      about: 'One requirement of a set.',
      fields: { id, setId: id, code: text, number: int, text, area: text.nullable(), dueCategory: text.nullable(), dueDate: day.nullable(), ...source },
    },
    {
      key: 'actionRequirements',
      table: 'plan_action_requirement',
      about: 'Which requirement an action answers.',
      fields: { id, actionId: id, requirementId: id },
    },
    {
      key: 'progressUpdates',
      table: 'plan_progress_update',
      about: 'A progress report on an action (or one of its measures), with its RAG rating.',
      fields: {
        id,
        actionId: id,
        measureId: id.nullable(),
        updateDate: day,
        rag: text.describe('`red` | `amber` | `green`'),
        narrative: text,
        measureCompleted: bool,
        authorName: text,
        authorPersonId: id.nullable(),
      },
    },
  ],
};
