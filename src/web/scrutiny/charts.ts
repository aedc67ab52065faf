/**
 * Charts of the insight page, drawn on the server as SVG with vega-lite (no script in the browser). Each chart is
 * shown beside a table of the same figures, which is what screen readers and keyboard users read.
 */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { Insight } from '../../domain/scrutiny/insight.ts';

type Spec = vegaLite.TopLevelSpec;

async function render(spec: Spec): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const base = { width: 480, config: { font: 'Arial, sans-serif', axis: { labelFontSize: 12, titleFontSize: 13 } }, background: 'white' } as const;

export const CHARTS = ['status', 'oldest', 'acceptance'] as const;
export type ChartName = (typeof CHARTS)[number];

export async function insightChart(name: ChartName, insight: Insight): Promise<string> {
  switch (name) {
    case 'status':
      return render({
        ...base,
        data: { values: insight.byStatus },
        mark: { type: 'bar', color: '#1d70b8' },
        encoding: {
          y: { field: 'status', type: 'nominal', sort: null, title: 'Status' },
          x: { field: 'count', type: 'quantitative', title: 'Recommendations', axis: { tickMinStep: 1 } },
        },
      });
    case 'oldest':
      return render({
        ...base,
        data: { values: insight.oldestOpen },
        mark: { type: 'bar', color: '#d4351c' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } },
          x: { field: 'ageDays', type: 'quantitative', title: 'Days since the meeting' },
        },
      });
    case 'acceptance':
      return render({
        ...base,
        data: { values: insight.acceptanceByPortfolio },
        mark: { type: 'bar', color: '#00703c' },
        encoding: {
          y: { field: 'portfolio', type: 'nominal', title: 'Portfolio' },
          x: { field: 'rate', type: 'quantitative', title: 'Accepted', axis: { format: '%' }, scale: { domain: [0, 1] } },
        },
      });
  }
}
