/**
 * `k8s-udp preview <program>`: what a Pulumi program would create, found under Pulumi's mocks, with no Pulumi CLI and
 * no cloud credentials. Loads `@pulumi/pulumi` (the program's own) only when this command runs, never for `lint`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MockPreview } from '../aws/preview';

/** The flags of `k8s-udp preview`. */
export interface PreviewFlags {
  /** `--format`: human or json. */
  readonly format?: string;
  /** `--out <dir>`: also write resources.json and outputs.json there. */
  readonly out?: string;
  /** `--project`. */
  readonly project?: string;
  /** `--stack`. */
  readonly stack?: string;
}

/** A preview that could not run: the message says what to do. */
export class PreviewError extends Error {}

/** Makes Node.js able to load a TypeScript program: the ts-node of the program's project, when it has one. */
function registerTypeScript(program: string): void {
  const hooks = require.extensions as Record<string, unknown> | undefined;
  if (hooks?.['.ts']) return;
  let tsNode: string;
  try {
    tsNode = require.resolve('ts-node', { paths: [path.dirname(program), process.cwd()] });
  } catch {
    throw new PreviewError(`${program} is TypeScript: install ts-node in its project (npm install --save-dev ts-node), or compile it and preview the .js`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(tsNode) as { register(options: object): void }).register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
}

/** Runs the program under mocks and returns what it would create. */
export async function previewProgram(program: string, flags: PreviewFlags): Promise<MockPreview> {
  if (!fs.existsSync(program)) throw new PreviewError(`${program}: no such file`);
  if (/\.[cm]?ts$/.test(program)) registerTypeScript(program);
  let preview: typeof import('../aws/preview');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    preview = require('../aws/preview') as typeof import('../aws/preview');
  } catch (error) {
    throw new PreviewError(`preview needs @pulumi/pulumi and @pulumi/aws installed beside this package (${(error as Error).message.split('\n')[0]})`);
  }
  const name = path.basename(program).replace(/\.[^.]+$/, '');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return preview.previewUnderMocks(() => require(program) as Record<string, unknown>, {
    project: flags.project ?? path.basename(path.dirname(program)),
    stack: flags.stack ?? name,
  });
}

/** Writes a preview: text or JSON to standard output, and the two JSON files to `--out`. */
export function writePreview(result: MockPreview, program: string, flags: PreviewFlags, stdout: (text: string) => void): void {
  if (flags.out) {
    fs.mkdirSync(flags.out, { recursive: true });
    fs.writeFileSync(path.join(flags.out, 'resources.json'), `${JSON.stringify(result.resources, null, 2)}\n`);
    fs.writeFileSync(path.join(flags.out, 'outputs.json'), `${JSON.stringify(result.outputs, null, 2)}\n`);
  }
  if (flags.format === 'json') {
    stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { formatMockPreview } = require('../aws/preview') as typeof import('../aws/preview');
    stdout(formatMockPreview(result, path.basename(path.dirname(program))));
  }
}
