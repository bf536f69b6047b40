/**
 * The SVG rendering of a diagram: the DOT rendering laid out by Graphviz compiled to WebAssembly (`@viz-js/viz`),
 * offline, with no browser. The module is loaded on the first SVG asked for, so importing the library stays cheap.
 */
import type { Viz } from '@viz-js/viz';
import { renderDot } from './dot';
import { DiagramGraph } from './graph';

let viz: Promise<Viz> | undefined;

/** Renders the graph as an SVG document. */
export async function renderSvg(graph: DiagramGraph): Promise<string> {
  viz = viz ?? import('@viz-js/viz').then((module) => module.instance());
  const instance = await viz;
  return instance.renderString(renderDot(graph), { format: 'svg' });
}
