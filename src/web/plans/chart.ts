/**
 * Trend charts of indicators as SVG rendered on the server by Vega-Lite (no script in the browser): the figures as
 * a line, the target as a dashed line, its deadline as a dotted rule. Mark-level ARIA is off and the SVG is one
 * labelled image, because the page prints the same figures in a table beside it for screen readers.
 */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

export interface ChartInput {
  title: string;
  unit: 'count' | 'percent';
  points: Array<{ period: string; value: number }>;
  target?: { value: number; deadline: string | null; label: string };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const monthEnd = (period: string) => `${period}-15`;

/**
 * Rendering a chart takes tens of milliseconds and the dashboard draws six on every view: the SVG depends only on
 * the figures, target and label, so it is kept by those (a figure entered changes the key, so nothing goes stale).
 */
const rendered = new Map<string, string>();
const KEEP = 500;

export async function trendChartSvg(input: ChartInput, description: string): Promise<string> {
  const key = JSON.stringify([input, description]);
  const known = rendered.get(key);
  if (known) return known;
  const svg = await renderTrendChart(input, description);
  if (rendered.size >= KEEP) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, svg);
  return svg;
}

async function renderTrendChart(input: ChartInput, description: string): Promise<string> {
  const yTitle = input.unit === 'percent' ? 'Per cent' : 'Number';
  const layers: unknown[] = [
    {
      data: { values: input.points.map((p) => ({ date: monthEnd(p.period), value: p.value })) },
      mark: { type: 'line', point: { filled: true, size: 60 }, color: '#1d70b8', strokeWidth: 3 },
      encoding: {
        x: { field: 'date', type: 'temporal', title: 'Month', axis: { format: '%b %Y', labelAngle: 0, tickCount: 'month' } },
        y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: true } },
      },
    },
  ];
  if (input.target) {
    layers.push({
      data: { values: [{ value: input.target.value }] },
      mark: { type: 'rule', color: '#d4351c', strokeDash: [8, 4], strokeWidth: 2 },
      encoding: { y: { field: 'value', type: 'quantitative' } },
    });
    if (input.target.deadline) {
      layers.push({
        data: { values: [{ date: input.target.deadline, label: 'Deadline' }] },
        mark: { type: 'rule', color: '#0b0c0c', strokeDash: [2, 3], strokeWidth: 2 },
        encoding: { x: { field: 'date', type: 'temporal' } },
      });
    }
  }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 520,
    height: 220,
    config: { aria: false, font: 'Arial, sans-serif', axis: { labelFontSize: 13, titleFontSize: 14, labelColor: '#0b0c0c', titleColor: '#0b0c0c' } },
    layer: layers,
  };
  const view = new vega.View(vega.parse(vegaLite.compile(spec as never).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  await view.finalize();
  // Vega still marks its mark containers as graphics objects; inside one labelled image they are noise to a screen
  // reader (and axe rightly says so), so their roles go and the whole chart speaks with the one label.
  const quiet = svg.replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, '');
  return quiet.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(description)}" focusable="false" `);
}
