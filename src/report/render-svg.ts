/**
 * Vega-Lite specs rendered to SVG text in Node (vega's headless "none" renderer), so a report page embeds
 * finished charts and needs no script and no network to open. vega and vega-lite are imported on first use:
 * the other commands never load them.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Renders one Vega-Lite spec (inline data only) to an SVG document string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec).spec;
  // renderer 'none' plus toSVG: no canvas, no DOM; a loader that refuses every URL, so data can only be inline.
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`a report chart may not load ${uri}`);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
