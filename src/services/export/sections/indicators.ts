/** Performance indicators (docs/plans.md), their observations and targets: published figures, all public. */
import { bool, day, id, int, real, source, text } from '../fields.ts';
import type { ExportSection } from '../table-section.ts';

export const indicatorsSection: ExportSection = {
  name: 'indicators',
  about: 'Performance indicators, what was observed and the targets set (docs/plans.md).',
  publicRule: 'Everything (published figures).',
  publicRows: (rows) => rows,
  tables: [
    {
      key: 'indicators',
      table: 'indicator',
      about: 'A measure of performance.',
      fields: {
        id,
        authorityId: id,
        planId: id.nullable(),
        name: text,
        slug: text,
        definition: text,
        impact: text.nullable(),
        unit: text.describe('`count` | `percent`'),
        polarity: text.describe('`lower-is-better` | `higher-is-better`'),
        frequency: text.describe('`weekly` | `monthly` | `quarterly` | `annually`'),
        position: int,
        onDashboard: bool,
        ...source,
      },
    },
    {
      key: 'observations',
      table: 'indicator_observation',
      about: 'A value for one period.',
      fields: { id, indicatorId: id, period: text, value: real, asAt: day, printedLabel: text.nullable(), commentary: text.nullable(), ...source },
    },
    {
      key: 'targets',
      table: 'indicator_target',
      about: 'A target for an indicator, perhaps set by a requirement.',
      fields: {
        id,
        indicatorId: id,
        requirementId: id.nullable(),
        value: real,
        comparison: text.describe('`at-most` | `at-least`'),
        deadline: day.nullable(),
        printedLabel: text,
        note: text.nullable(),
      },
    },
  ],
};
