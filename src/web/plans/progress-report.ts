/**
 * The progress report a plan's officers take to committee (the shape of seed 002's report): a header, "Progress to
 * date" from the plan as at the day, "Impact on Performance" from the indicators' figures known by the day and their
 * targets, and "Recommendations". One model, rendered as HTML (a page) and as DOCX (docx).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { IndicatorData } from '../../db/repositories/plans.ts';
import { measureProgress } from '../../domain/plans/coverage.ts';
import { formatDate, formatMonth, formatValue } from './format.ts';
import type { PlanModel } from './plan-model.ts';
import { HOUSE_STYLES, numberedFooter } from '../../services/documents/docx-house-style.ts';
import { presentIndicator } from './presenters.ts';

export interface ReportSection {
  number: number;
  heading: string;
  paragraphs: string[];
  bullets: string[];
  table?: { head: string[]; rows: string[][] };
}

export interface ProgressReport {
  to: string;
  date: string;
  dateText: string;
  subject: string;
  classification: string;
  summary: string;
  sections: ReportSection[];
}

export function buildProgressReport(model: PlanModel, indicators: IndicatorData[], committee: string, date: string): ProgressReport {
  const { tree, coverage } = model;
  const statuses = [...coverage.actions.values()];
  const overall = measureProgress(statuses);
  const overdue = tree.actions.filter((a) => coverage.actions.get(a.id)!.overdue);
  const completedActions = statuses.filter((s) => s.measuresTotal > 0 && s.measuresCompleted === s.measuresTotal).length;
  const recent = tree.updates
    .filter((u) => u.update_date <= date)
    .slice(-10)
    .reverse();
  const actionRef = new Map(tree.actions.map((a) => [a.id, a.ref]));

  const progressBullets = [
    `${overall.completed} of ${overall.total} measures completed (${overall.percent}%), across ${tree.actions.length} actions under ${tree.priorities.length} priorities.`,
    `${completedActions} actions have every measure completed.`,
    `${overdue.length} actions are past a timescale without its measures completed.`,
    ...recent.map((u) => `${formatDate(u.update_date)}, action ${actionRef.get(u.action_id)}: ${u.narrative} (${u.rag.toUpperCase()}, ${u.author_name})`),
  ];
  const priorityRows = tree.priorities.map((priority) => {
    const actions = model.actionsByPriority.get(priority.id) ?? [];
    const p = measureProgress(actions.map((a) => coverage.actions.get(a.id)!));
    return [
      `${priority.number}. ${priority.title}`,
      `${p.completed} of ${p.total}`,
      `${p.percent}%`,
      String(actions.filter((a) => coverage.actions.get(a.id)!.overdue).length),
    ];
  });

  const impactBullets: string[] = [];
  const targetBullets: string[] = [];
  const planSlugs = new Map([[tree.plan.id, tree.plan.slug]]);
  for (const data of indicators) {
    const view = presentIndicator(data, date, planSlugs);
    const points = view.chart.points;
    if (points.length >= 2) {
      const first = points[0]!;
      const last = points[points.length - 1]!;
      const verb = last.value < first.value ? 'Reduced' : last.value > first.value ? 'Increased' : 'Kept';
      const unit = data.indicator.unit;
      impactBullets.push(
        `${verb} ${data.indicator.name.charAt(0).toLowerCase()}${data.indicator.name.slice(1)} from ${formatValue(first.value, unit)} (${formatMonth(first.period)}) to ${formatValue(last.value, unit)} (${formatMonth(last.period)})`,
      );
    } else if (points.length === 1) {
      impactBullets.push(`${data.indicator.name}: ${formatValue(points[0]!.value, data.indicator.unit)} (${formatMonth(points[0]!.period)})`);
    }
    if (view.target) {
      targetBullets.push(
        `${data.indicator.name}: ${view.target.text}${view.target.requirementCode ? ` (${view.target.requirementCode})` : ''} – ${view.rag.text}: ${view.rag.reason}.`,
      );
    }
  }

  return {
    to: committee,
    date,
    dateText: formatDate(date),
    subject: tree.plan.title,
    classification: 'Unrestricted',
    summary: 'Updates Members on progress on delivering the Improvement Plan',
    sections: [
      {
        number: 1,
        heading: 'Introduction',
        paragraphs: [
          `The Improvement Plan "${tree.plan.title}"${tree.plan.issued_month ? ` (${formatMonth(tree.plan.issued_month)})` : ''} sets out ${tree.actions.length} actions under ${tree.priorities.length} priorities. It answers to ${tree.requirementSets.map((s) => `${tree.requirements.filter((r) => r.set_id === s.id).length} ${s.name}`).join(', ')}.`,
          `This report gives the position as at ${formatDate(date)}.`,
        ],
        bullets: [],
      },
      {
        number: 2,
        heading: 'Progress to date',
        paragraphs: [],
        bullets: progressBullets,
        table: { head: ['Priority', 'Measures completed', 'Per cent', 'Actions overdue'], rows: priorityRows },
      },
      {
        number: 3,
        heading: 'Impact on Performance',
        paragraphs: impactBullets.length ? [] : ['No figures have been reported for the indicators yet.'],
        bullets: [...impactBullets, ...targetBullets],
      },
      {
        number: 4,
        heading: 'Recommendations',
        paragraphs: ['Members are asked to NOTE the progress that is being made on delivering the Improvement Plan.'],
        bullets: [],
      },
    ],
  };
}

export async function progressReportDocx(report: ProgressReport): Promise<Buffer> {
  const labelled = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
  const children: Array<Paragraph | Table> = [
    labelled('To', `${report.to} – ${report.dateText}`),
    labelled('Subject', report.subject),
    labelled('Classification', report.classification),
    labelled('Summary', report.summary),
  ];
  for (const section of report.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }));
    section.paragraphs.forEach((text, index) => children.push(new Paragraph({ text: `${section.number}. (${index + 1}) ${text}` })));
    for (const text of section.bullets) children.push(new Paragraph({ text, bullet: { level: 0 } }));
    if (section.table) {
      const row = (cells: string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] })),
        });
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [row(section.table.head, true), ...section.table.rows.map((cells) => row(cells, false))],
        }),
      );
    }
  }
  const document = new Document({
    title: report.subject,
    description: `Progress report to ${report.to}, ${report.dateText}`,
    styles: HOUSE_STYLES,
    sections: [
      {
        footers: { default: numberedFooter() },
        children: [new Paragraph({ text: report.subject, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT }), ...children],
      },
    ],
  });
  return Packer.toBuffer(document);
}
