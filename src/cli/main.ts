/**
 * `k8s-udp`, the command line: `k8s-udp lint <files|dirs|->` runs the library's rules on any manifests.
 *
 * Loads no cdk8s, constructs or Pulumi module: only the rules, the model, `yaml` and `commander`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { LintFlags, resolveConfig, UsageError } from './config';
import { DIAGRAM_FORMATS, DiagramFlags, drawDiagram } from './diagram';
import { loadInputs } from './load';
import { PreviewError, PreviewFlags, previewProgram, writePreview } from './preview';
import { countOf, formatHuman, jsonReport, LintReport, LocatedFinding, sarifReport } from './report';
import { RULE_CATALOG, ruleDocUrl } from '../core/catalog';
import { PROVIDER_FORMS } from '../model/load-balancer-provider';
import { OBJECT_RULES } from '../rules/catalog';
import { checkObjects } from '../rules/engine';

/** Exit codes of `k8s-udp`. */
export enum ExitCode {
  /** No error (and no warning with `--strict`). */
  CLEAN = 0,
  /** At least one error finding (or warning with `--strict`). */
  FINDINGS = 1,
  /** A usage error, or input that cannot be read or parsed. */
  USAGE_OR_INPUT = 2,
}

/** What the command line reads and writes: the process's, or a test's. */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<string>;
  /** The working directory. */
  readonly cwd: string;
  /** The environment (for `NO_COLOR` and `FORCE_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal. */
  readonly isTTY: boolean;
}

/** The process's standard streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      process.stdin.on('error', reject);
    }),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** This package's version. */
export function toolVersion(): string {
  for (const candidate of [path.join(__dirname, '..', '..', 'package.json'), path.join(__dirname, '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'k8s-udp-constructs') return pkg.version ?? '0.0.0';
    } catch {
      // try the next one
    }
  }
  return '0.0.0';
}

/** Whether to color: `--color`/`--no-color`, else `FORCE_COLOR`, else a terminal without `NO_COLOR`. */
function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY;
}

/**
 * Lints inputs and writes the report. Returns the exit code.
 */
export async function lint(inputs: readonly string[], flags: LintFlags, io: CliIo): Promise<ExitCode> {
  const config = resolveConfig(flags, io.cwd);
  const loaded = await loadInputs(inputs, { cwd: io.cwd, readStdin: io.readStdin, stdinName: config.stdinName });
  if (loaded.objects.length === 0 && loaded.problems.length === 0 && !flags.allowEmpty) {
    // empty `helm template` output, a wrong path: linting nothing is no pass
    loaded.problems.push({
      file: loaded.files.join(', ') || inputs.join(', '),
      message: 'has no Kubernetes object to lint (pass --allow-empty when that is expected)',
    });
  }
  const findings = checkObjects(loaded.objects.map((o) => o.object), OBJECT_RULES, config.check);
  const located: LocatedFinding[] = findings.map((f) => {
    const source = loaded.objects[f.object?.index ?? 0];
    return { ...f, file: source.file, position: source.locate(f.field, f.value) };
  });
  const disabled = new Set(config.check.disabled ?? []);
  const report: LintReport = {
    findings: located,
    problems: loaded.problems,
    objects: loaded.objects.length,
    files: loaded.files,
    rules: OBJECT_RULES.filter((r) => !disabled.has(r.id)).map((r) => ({ ...r, severity: config.check.severities?.[r.id] ?? r.severity })),
    assumed: {
      kubernetesVersion: config.check.kubernetesVersion ? `${config.check.kubernetesVersion.major}.${config.check.kubernetesVersion.minor}` : undefined,
      provider: config.check.provider?.description,
      externalDnsVersion: config.check.externalDnsVersion,
    },
  };
  if (config.format === 'json') {
    io.stdout(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
  } else if (config.format === 'sarif') {
    io.stdout(`${JSON.stringify(sarifReport(report, toolVersion()), null, 2)}\n`);
  }
  const human = formatHuman(report, useColor(flags.color, io));
  if (config.format === 'human') io.stdout(human.stdout);
  if (human.stderr) io.stderr(human.stderr);
  if (report.problems.length > 0) return ExitCode.USAGE_OR_INPUT;
  const { errors, warnings } = countOf(report);
  return errors > 0 || (config.strict && warnings > 0) ? ExitCode.FINDINGS : ExitCode.CLEAN;
}

/**
 * `k8s-udp rules`: every rule of the catalog, as a table or JSON. `lint` runs the rules over objects (`kinds`); the
 * others check the props of the constructs and the arguments of the Pulumi component.
 */
function listRules(format: string | undefined, io: CliIo): ExitCode {
  const kindsOf = new Map(OBJECT_RULES.map((rule) => [rule.id, rule.kinds]));
  if (format === 'json') {
    io.stdout(`${JSON.stringify(RULE_CATALOG.map(({ id, severity, title, why, fix, sources }) => ({
      id, severity, title, why, fix, sources, kinds: kindsOf.get(id) ?? [], docs: ruleDocUrl(id),
    })), null, 2)}\n`);
  } else {
    io.stdout(RULE_CATALOG.map((r) => `${r.id}  ${r.severity.padEnd(7)}  ${r.title}`).join('\n') + '\n');
  }
  return ExitCode.CLEAN;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `k8s-udp lint --help`: examples and exit codes after the options. */
const LINT_HELP = `
Examples:
  k8s-udp lint dist/                                   every .yaml, .yml and .json below dist/
  helm template dns ./chart | k8s-udp lint - --stdin-name chart.yaml
  k8s-udp lint manifests/ --kubernetes-version 1.28 --provider aws-lbc:2.13
  k8s-udp lint dist/ --format sarif > k8s-udp.sarif    for code scanning
  k8s-udp lint dist/ --disable UDP205 --severity UDP204=error --strict

Exit codes:
  0  no error finding (warnings allowed, unless --strict)
  1  at least one error finding (or a warning with --strict)
  2  a usage error, or input that cannot be read, holds no Kubernetes object (see --allow-empty) or is no object
`;

/** \`k8s-udp --help\`: the commands' examples. */
const ROOT_HELP = `
Examples:
  k8s-udp lint dist/                      check manifests (k8s-udp lint --help for its options and exit codes)
  k8s-udp rules --format json             the rule catalog
  k8s-udp preview index.ts                what a Pulumi program would create, under mocks
`;

/** The command line, as a commander program writing to `io`. */
function program(io: CliIo, exit: { code: ExitCode }): Command {
  const root = new Command('k8s-udp')
    .description('Find UDP pitfalls in Kubernetes manifests (Helm, cdk8s synth and kustomize output)')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run k8s-udp <command> --help for usage)')
    .addHelpText('after', ROOT_HELP);

  root.command('lint')
    .description('check manifests: files, directories (every .yaml, .yml and .json below) or - for standard input')
    .argument('<inputs...>', 'files, directories, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json', 'sarif']).default('human'))
    .option('--strict', 'exit 1 on warnings too')
    .option('--disable <ids>', 'rule ids to skip, comma-separated (repeatable)', collect)
    .option('--severity <id=level>', 'override a rule\'s severity, e.g. UDP205=error (repeatable)', collect)
    .option('--node-port-range <min-max>', 'the cluster\'s --service-node-port-range (default 30000-32767)')
    .option('--kubernetes-version <version>', 'the cluster\'s Kubernetes version, e.g. 1.28')
    .option('--provider <provider>', `the load-balancer implementation: ${PROVIDER_FORMS}`)
    .option('--external-dns-version <version>', 'the ExternalDNS release that publishes the records, e.g. 0.20 (the form of SRV targets)')
    .option('--gateway-api-channel <channel>', 'the Gateway API CRDs the cluster has: standard or experimental')
    .option('--config <file>', 'configuration file (default: .k8s-udp.yaml in the working directory, when present)')
    .option('--no-config', 'ignore .k8s-udp.yaml')
    .option('--stdin-name <path>', 'the file name to report standard input under', 'stdin')
    .option('--color', 'color the human output (default: on a terminal, unless NO_COLOR is set)')
    .option('--no-color', 'never color')
    .option('--allow-empty', 'exit 0 when the inputs hold no Kubernetes object (by default that is an input error, exit 2)')
    .addHelpText('after', LINT_HELP)
    .action(async (inputs: string[], flags: LintFlags) => {
      exit.code = await lint(inputs, flags, io);
    });

  root.command('diagram')
    .description('draw every UDP and TCP exposure of the manifests, with the findings on their hops (same inputs as lint)')
    .argument('<inputs...>', 'files, directories, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...DIAGRAM_FORMATS]).default('mermaid'))
    .option('-o, --output <file>', 'write the picture to a file instead of standard output')
    .option('--disable <ids>', 'rule ids to skip, comma-separated (repeatable)', collect)
    .option('--severity <id=level>', 'override a rule\'s severity, e.g. UDP205=error (repeatable)', collect)
    .option('--node-port-range <min-max>', 'the cluster\'s --service-node-port-range (default 30000-32767)')
    .option('--kubernetes-version <version>', 'the cluster\'s Kubernetes version, e.g. 1.28')
    .option('--provider <provider>', 'the load-balancer implementation, as for lint')
    .option('--external-dns-version <version>', 'the ExternalDNS release that publishes the records, as for lint')
    .option('--config <file>', 'configuration file (default: .k8s-udp.yaml in the working directory, when present)')
    .option('--no-config', 'ignore .k8s-udp.yaml')
    .option('--stdin-name <path>', 'the file name to report standard input under', 'stdin')
    .option('--allow-empty', 'exit 0 when the inputs hold no Kubernetes object (by default that is an input error, exit 2)')
    .action(async (inputs: string[], flags: DiagramFlags) => {
      exit.code = await drawDiagram(inputs, flags, io) ? ExitCode.CLEAN : ExitCode.USAGE_OR_INPUT;
    });

  root.command('preview')
    .description('what a Pulumi program would create, run under Pulumi\'s mocks: no Pulumi CLI, no cloud credentials')
    .argument('<program>', 'the program: a .js file, or a .ts file of a project with ts-node')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json']).default('human'))
    .option('--out <dir>', 'also write resources.json and outputs.json into this directory')
    .option('--project <name>', 'the project name the program sees (default: the program\'s folder)')
    .option('--stack <name>', 'the stack name the program sees (default: the program\'s file name)')
    .action(async (given: string, flags: PreviewFlags) => {
      const file = path.resolve(io.cwd, given);
      try {
        writePreview(await previewProgram(file, flags), file, { ...flags, out: flags.out && path.resolve(io.cwd, flags.out) }, io.stdout);
        exit.code = ExitCode.CLEAN;
      } catch (error) {
        io.stderr(`k8s-udp preview: ${error instanceof PreviewError ? error.message : (error as Error).stack ?? String(error)}\n`);
        exit.code = error instanceof PreviewError ? ExitCode.USAGE_OR_INPUT : ExitCode.FINDINGS;
      }
    });

  root.command('rules')
    .description('list every rule: id, default severity, title (docs/rules.md describes each)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action((flags: { format?: string }) => {
      exit.code = listRules(flags.format, io);
    });
  return root;
}

/**
 * Runs the command line with `argv` (without the node and script paths) and returns the exit code; never calls
 * `process.exit`, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const exit = { code: ExitCode.CLEAN };
  try {
    await program(io, exit).parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; parse errors were already written by commander.
      return error.exitCode === 0 ? ExitCode.CLEAN : ExitCode.USAGE_OR_INPUT;
    }
    if (error instanceof UsageError) {
      // named after the command that ran: `k8s-udp lint: ...`, `k8s-udp diagram: ...`
      const command = ['lint', 'diagram', 'rules', 'preview'].find((name) => name === argv[0]);
      io.stderr(`${command ? `k8s-udp ${command}` : 'k8s-udp'}: ${error.message}\n`);
      return ExitCode.USAGE_OR_INPUT;
    }
    throw error;
  }
}

/** The bin entry: runs with the process's arguments and sets the exit code. */
export function main(): void {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`k8s-udp: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = ExitCode.USAGE_OR_INPUT;
  });
}
