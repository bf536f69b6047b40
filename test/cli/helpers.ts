import * as path from 'node:path';
import { CliIo, runCli } from '../../src/cli/main';

/** The repository root: fixtures are named relative to it, as a user in a checkout would. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** A fixture's path relative to the repository root. */
export const fixture = (name: string) => `test/cli/fixtures/${name}`;

/** What a run printed and returned. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of an in-process run. */
export interface RunOptions {
  readonly cwd?: string;
  readonly stdin?: string;
  readonly tty?: boolean;
  readonly env?: Record<string, string>;
}

/** Runs `k8s-udp <argv>` in-process with captured streams. */
export async function run(argv: string[], options: RunOptions = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    isTTY: options.tty ?? false,
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
