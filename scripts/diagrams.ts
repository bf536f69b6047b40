/**
 * Writes the diagram of every cdk8s example (docs/diagrams/<example>.mmd and .svg), from the chart itself with
 * `Diagram.fromChart`, and puts the flagship example's Mermaid diagram into README.md between its markers.
 *
 * Usage: ts-node scripts/diagrams.ts [output directory, default docs/diagrams]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Chart } from 'cdk8s';
import { Diagram } from '../src/diagram';

const root = path.resolve(__dirname, '..');
const examplesDir = path.join(root, 'examples');

/** The example whose diagram the README shows: an NLB with Elastic IPs, a DNS name and the health sidecar. */
export const FLAGSHIP_EXAMPLE = 'nlb-udp-eks';

/** The cdk8s examples (a folder with cdk8s.yaml and main.ts), by name. */
export function cdk8sExamples(): string[] {
  return fs.readdirSync(examplesDir)
    .filter((name) => fs.existsSync(path.join(examplesDir, name, 'cdk8s.yaml')) && fs.existsSync(path.join(examplesDir, name, 'main.ts')))
    .sort();
}

/** The diagram of one example: its chart class, instantiated as `cdk8s synth` does, under the example's name. */
export function exampleDiagram(name: string): Diagram {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.join(examplesDir, name, 'main.ts')) as Record<string, unknown>;
  const charts = Object.values(module).filter((value): value is new (scope: App, id: string) => Chart =>
    typeof value === 'function' && Object.prototype.isPrototypeOf.call(Chart, value));
  if (charts.length !== 1) throw new Error(`examples/${name}/main.ts exports ${charts.length} chart classes, not one`);
  return Diagram.fromChart(new charts[0](new App(), name));
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'diagrams'));
  fs.mkdirSync(out, { recursive: true });
  let flagship: string | undefined;
  for (const name of cdk8sExamples()) {
    const diagram = exampleDiagram(name);
    const mermaid = diagram.toMermaid();
    fs.writeFileSync(path.join(out, `${name}.mmd`), mermaid);
    fs.writeFileSync(path.join(out, `${name}.svg`), await diagram.toSvg());
    if (name === FLAGSHIP_EXAMPLE) flagship = mermaid;
  }
  console.log(`wrote ${cdk8sExamples().length} diagrams (.mmd and .svg) into ${path.relative(process.cwd(), out) || '.'}`);
  if (process.argv[2] !== undefined) return; // a scratch directory: the README is left alone
  if (flagship === undefined) throw new Error(`examples/${FLAGSHIP_EXAMPLE} not found`);
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const begin = '<!-- diagram:start -->';
  const finish = '<!-- diagram:end -->';
  const from = readme.indexOf(begin);
  const to = readme.indexOf(finish);
  if (from < 0 || to < 0) throw new Error(`README.md has no ${begin} ... ${finish} block`);
  const block = [begin, '```mermaid', flagship.trimEnd(), '```', finish].join('\n');
  fs.writeFileSync(readmePath, readme.slice(0, from) + block + readme.slice(to + finish.length));
  console.log(`wrote the ${FLAGSHIP_EXAMPLE} diagram in README.md`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
