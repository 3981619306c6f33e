import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A chart as a PNG with its size in pixels, for a document's image block. */
export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
}

/** Serif faces with Vietnamese glyphs, first found wins (Times New Roman where installed, else its metric twin). */
const FONT = 'Times New Roman, Liberation Serif, DejaVu Serif, serif';
/** Rendered at twice the drawn size so the image stays sharp when printed. */
const SCALE = 2;

/**
 * Renders a Vega-Lite chart server-side: Vega draws it to SVG without a browser or canvas, and
 * resvg (a Rust renderer shipped prebuilt in its npm package) turns the SVG into a PNG.
 */
export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const compiled = compile({ ...spec, config: { font: FONT, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new View(parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const rendered = new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Serif' },
      fitTo: { mode: 'zoom', value: SCALE },
      background: 'white',
    }).render();
    return { png: Buffer.from(rendered.asPng()), width: Math.round(rendered.width / SCALE), height: Math.round(rendered.height / SCALE) };
  } finally {
    view.finalize();
  }
}

/** A horizontal bar chart of labelled counts (cases by category, by locality …). */
export function barChart(title: string, rows: readonly { label: string; count: number }[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: title, fontSize: 14 },
    width: 360,
    height: Math.max(60, rows.length * 22),
    data: { values: rows.map((r) => ({ label: r.label, count: r.count })) },
    mark: { type: 'bar', color: '#2f5597' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 320, labelFontSize: 12 } },
      x: { field: 'count', type: 'quantitative', title: 'Số vụ việc', axis: { tickMinStep: 1, format: 'd' } },
    },
  } as TopLevelSpec;
}
