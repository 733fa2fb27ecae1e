/**
 * Vega-Lite specs rendered to SVG text in Node (vega's headless "none" renderer), so a report page embeds
 * finished charts and needs no script and no network to open. vega and vega-lite are imported on first use:
 * the other commands never load them.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Renders one Vega-Lite spec (inline data only) to an SVG document string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  // Vega-Lite's warnings (a scale option it drops) are about our specs, not the user's data: not printed.
  const silent = { level: () => silent, error: () => silent, warn: () => silent, info: () => silent, debug: () => silent } as never;
  const compiled = vegaLite.compile({ ...spec, config: { ...spec.config, aria: false } } as TopLevelSpec, { logger: silent }).spec;
  // renderer 'none' plus toSVG: no canvas, no DOM; a loader that refuses every URL, so data can only be inline.
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`a report chart may not load ${uri}`);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  try {
    return compact(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Coordinates to two decimals (a hundredth of a pixel): a chart of a few thousand marks stays small. */
function compact(svg: string): string {
  return svg.replace(/ (d|transform|points|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g, (_, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d\d)\d+/g, '$1')}"`);
}
