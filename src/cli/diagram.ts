/**
 * `k8s-udp diagram <files|dirs|->`: the picture of every UDP and TCP exposure in any manifests, read as `lint` reads
 * them, with the findings of the same rules drawn on their hops. Mermaid, DOT or SVG.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LintFlags, resolveConfig, UsageError } from './config';
import { loadInputs } from './load';
import { Diagram, DiagramFormat } from '../diagram';
import { OBJECT_RULES } from '../rules/catalog';
import { checkObjects } from '../rules/engine';

/** The formats `diagram --format` takes. */
export const DIAGRAM_FORMATS: readonly string[] = [DiagramFormat.MERMAID, DiagramFormat.SVG, DiagramFormat.DOT];

/** The flags of `k8s-udp diagram`: the rule settings of `lint`, a format of its own, and an output file. */
export interface DiagramFlags extends Omit<LintFlags, 'format' | 'strict' | 'color'> {
  /** `--format`: mermaid, svg or dot. */
  readonly format?: string;
  /** `--output`: the file to write instead of standard output. */
  readonly output?: string;
}

/** What `diagram` writes and reads. */
export interface DiagramIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly cwd: string;
}

/**
 * Draws the inputs and writes the picture. Returns whether every input was read (input problems are reported on
 * standard error, and what could be read is still drawn).
 */
export async function drawDiagram(inputs: readonly string[], flags: DiagramFlags, io: DiagramIo): Promise<boolean> {
  const format = (flags.format ?? DiagramFormat.MERMAID).toLowerCase();
  if (!DIAGRAM_FORMATS.includes(format)) throw new UsageError(`--format: "${flags.format}" is not ${DIAGRAM_FORMATS.join(', ')}`);
  const config = resolveConfig({ ...flags, format: 'human' }, io.cwd);
  const loaded = await loadInputs(inputs, { cwd: io.cwd, readStdin: io.readStdin, stdinName: config.stdinName });
  if (loaded.objects.length === 0 && loaded.problems.length === 0 && !flags.allowEmpty) {
    // as for lint: empty `helm template` output or a wrong path is no picture to keep
    loaded.problems.push({
      file: loaded.files.join(', ') || inputs.join(', '),
      message: 'has no Kubernetes object to draw (pass --allow-empty when that is expected)',
    });
  }
  const objects = loaded.objects.map((o) => o.object);
  const findings = checkObjects(objects, OBJECT_RULES, config.check);
  const diagram = Diagram.fromObjects(objects, { findings });
  const picture = await diagram.render(format as DiagramFormat);
  if (flags.output !== undefined) {
    const file = path.resolve(io.cwd, flags.output);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, picture);
  } else {
    io.stdout(picture);
  }
  for (const p of loaded.problems) {
    io.stderr(`${p.file}${p.position ? `:${p.position.line}:${p.position.column}` : ''}: error ${p.message}\n`);
  }
  if (diagram.unplaced.length > 0) {
    const n = diagram.unplaced.length;
    io.stderr(`k8s-udp diagram: ${n} finding${n === 1 ? '' : 's'} on objects not drawn; run k8s-udp lint to see ${n === 1 ? 'it' : 'them'}\n`);
  }
  return loaded.problems.length === 0;
}
