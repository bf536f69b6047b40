/**
 * The outputs of `k8s-udp lint`: human (colored on a terminal), JSON and SARIF 2.1.0.
 */
import * as path from 'node:path';
import { InputProblem, Position } from './load';
import { ruleDocUrl } from '../core/catalog';
import { Finding, formatFinding, renderValue, Severity } from '../core/finding';
import { RuleInfo } from '../core/rule-info';

/** A finding with the file and line it is about. */
export interface LocatedFinding extends Finding {
  /** The file of the object. */
  readonly file: string;
  /** The position of the field (or of the object when the field is not in the file, such as an unset annotation). */
  readonly position: Position;
}

/** Everything a report shows. */
export interface LintReport {
  /** The findings, in file, object and rule order. */
  readonly findings: LocatedFinding[];
  /** Unreadable input. */
  readonly problems: InputProblem[];
  /** How many objects were checked. */
  readonly objects: number;
  /** The files read. */
  readonly files: string[];
  /** The rules that ran (for SARIF's rule descriptors). */
  readonly rules: readonly RuleInfo[];
  /** The cluster the rules assumed, when told (`--kubernetes-version`, `--provider`). */
  readonly assumed?: { readonly kubernetesVersion?: string; readonly provider?: string; readonly externalDnsVersion?: string };
}

/** What the rules assumed of the cluster, for the summary: `; Kubernetes 1.22, provider ...`, or nothing. */
function assumedText(report: LintReport): string {
  const parts: string[] = [];
  if (report.assumed?.kubernetesVersion) parts.push(`Kubernetes ${report.assumed.kubernetesVersion}`);
  if (report.assumed?.provider) parts.push(`provider ${report.assumed.provider}`);
  if (report.assumed?.externalDnsVersion) parts.push(`ExternalDNS ${report.assumed.externalDnsVersion}`);
  return parts.length > 0 ? `; assumed ${parts.join(', ')}` : '';
}

/** The counts of a report. */
export function countOf(report: LintReport): { readonly errors: number; readonly warnings: number; readonly notes: number } {
  const errors = report.findings.filter((f) => f.severity === Severity.ERROR).length;
  const notes = report.findings.filter((f) => f.severity === Severity.INFO).length;
  return { errors, warnings: report.findings.length - errors - notes, notes };
}

/** `Service edge/dns`, `Service dns`, `Service (unnamed)`. */
export function objectLabel(finding: Finding): string {
  const o = finding.object;
  if (!o) return '(value)';
  const name = o.name ?? '(unnamed)';
  return `${o.kind || '(no kind)'} ${o.namespace ? `${o.namespace}/` : ''}${name}`;
}

/** ANSI styles, or none. */
interface Styles {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly cyan: (s: string) => string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLORS: Styles = { red: ansi(31, 39), yellow: ansi(33, 39), bold: ansi(1, 22), dim: ansi(2, 22), cyan: ansi(36, 39) };
const PLAIN: Styles = { red: (s) => s, yellow: (s) => s, bold: (s) => s, dim: (s) => s, cyan: (s) => s };

function where(file: string, position?: Position): string {
  return position ? `${file}:${position.line}:${position.column}` : file;
}

/** The human report: one block per finding, then a summary line. Input problems go to standard error. */
export function formatHuman(report: LintReport, color: boolean): { stdout: string; stderr: string } {
  const c = color ? COLORS : PLAIN;
  const out: string[] = [];
  for (const f of report.findings) {
    const severity = f.severity === Severity.ERROR ? c.red('error') : f.severity === Severity.INFO ? c.cyan('info') : c.yellow('warning');
    const message = formatFinding({ ...f, hint: undefined }, objectLabel(f)).replace(`[${f.ruleId}]`, c.bold(`[${f.ruleId}]`));
    out.push(`${c.cyan(where(f.file, f.position))}: ${severity} ${message}`);
    if (f.hint) out.push(`    ${c.dim('Fix:')} ${f.hint}`);
  }
  const { errors, warnings, notes } = countOf(report);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const scope = `${plural(report.objects, 'object')} in ${plural(report.files.length, 'file')}`;
  const unreadable = (report.problems.length > 0 ? `, ${plural(report.problems.length, 'input error')}` : '') + assumedText(report);
  if (report.findings.length > 0) out.push('');
  const noted = notes > 0 ? `, ${plural(notes, 'note')}` : '';
  out.push(errors + warnings + notes === 0
    ? `k8s-udp: no findings (${scope}${unreadable})`
    : `k8s-udp: ${errors > 0 ? c.red(plural(errors, 'error')) : plural(errors, 'error')}, `
      + `${warnings > 0 ? c.yellow(plural(warnings, 'warning')) : plural(warnings, 'warning')}${noted} (${scope}${unreadable})`);
  const err = report.problems.map((p) => `${c.cyan(where(p.file, p.position))}: ${c.red('error')} ${p.message}`);
  return { stdout: `${out.join('\n')}\n`, stderr: err.length > 0 ? `${err.join('\n')}\n` : '' };
}

/** The JSON report (`--format json`), stable for scripts. */
export interface JsonReport {
  /** The version of this JSON shape. */
  readonly version: 1;
  /** Counts. */
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    /** Findings of severity info: worth knowing, never a failure. */
    readonly notes: number;
    readonly objects: number;
    readonly files: number;
    readonly inputErrors: number;
    /** The Kubernetes version the rules assumed, when told. */
    readonly kubernetesVersion?: string;
    /** The load-balancer implementation the rules assumed, when told. */
    readonly provider?: string;
    /** The ExternalDNS release the rules assumed, when told. */
    readonly externalDnsVersion?: string;
  };
  /** The findings. */
  readonly findings: ReadonlyArray<{
    readonly ruleId: string;
    readonly severity: Severity;
    readonly object: { readonly kind: string; readonly namespace?: string; readonly name?: string };
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly field: string;
    readonly value: unknown;
    readonly message: string;
    readonly allowed?: string;
    readonly hint?: string;
    readonly source: string;
    /** The whole message in the library's one format. */
    readonly text: string;
  }>;
  /** Unreadable input. */
  readonly inputErrors: ReadonlyArray<{ readonly file: string; readonly line?: number; readonly column?: number; readonly message: string }>;
}

/** Builds the JSON report. */
export function jsonReport(report: LintReport): JsonReport {
  const { errors, warnings, notes } = countOf(report);
  return {
    version: 1,
    summary: {
      errors,
      warnings,
      notes,
      objects: report.objects,
      files: report.files.length,
      inputErrors: report.problems.length,
      kubernetesVersion: report.assumed?.kubernetesVersion,
      provider: report.assumed?.provider,
      externalDnsVersion: report.assumed?.externalDnsVersion,
    },
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      object: { kind: f.object?.kind ?? '', namespace: f.object?.namespace, name: f.object?.name },
      file: f.file,
      line: f.position.line,
      column: f.position.column,
      field: f.field,
      value: f.value,
      message: f.message,
      allowed: f.allowed,
      hint: f.hint,
      source: f.source,
      text: formatFinding(f, objectLabel(f)),
    })),
    inputErrors: report.problems.map((p) => ({ file: p.file, line: p.position?.line, column: p.position?.column, message: p.message })),
  };
}

/** A file name as a SARIF `artifactLocation.uri`: relative, forward slashes, each segment percent-encoded. */
export function artifactUri(file: string): string {
  return file.split(path.sep).join('/').split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** The SARIF 2.1.0 JSON schema URI written into `$schema`. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The SARIF level of a severity. */
function levelOf(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === Severity.ERROR ? 'error' : severity === Severity.INFO ? 'note' : 'warning';
}

/**
 * Builds the SARIF 2.1.0 log (`--format sarif`) for code-scanning upload: one run, the catalog's rules as
 * reporting descriptors (id, title, why, the rule's section of docs/rules.md as `helpUri`), one result per finding with its file and line,
 * unreadable input as tool execution notifications.
 */
export function sarifReport(report: LintReport, toolVersion: string): Record<string, unknown> {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const location = (file: string, position?: Position) => ({
    physicalLocation: {
      artifactLocation: { uri: artifactUri(file) },
      ...(position ? { region: { startLine: position.line, startColumn: position.column } } : {}),
    },
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'k8s-udp',
          version: toolVersion,
          informationUri: 'https://www.npmjs.com/package/k8s-udp-constructs',
          rules: report.rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.title },
            fullDescription: { text: r.why },
            helpUri: ruleDocUrl(r.id),
            help: { text: `${r.why} Fix: ${r.fix} Source: ${r.sources[0]}` },
            defaultConfiguration: { level: levelOf(r.severity) },
          })),
        },
      },
      invocations: [{
        executionSuccessful: report.problems.length === 0,
        toolExecutionNotifications: report.problems.map((p) => ({
          level: 'error',
          message: { text: `${p.file}: ${p.message}` },
          locations: [location(p.file, p.position)],
        })),
      }],
      results: report.findings.map((f) => ({
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: levelOf(f.severity),
        message: {
          text: `${objectLabel(f)}: ${f.field} ${renderValue(f.value)}: ${f.message}`
            + (f.allowed ? ` (${f.allowed})` : '') + (f.hint ? ` Fix: ${f.hint}` : ''),
        },
        locations: [{
          ...location(f.file, f.position),
          logicalLocations: [{ fullyQualifiedName: objectLabel(f).replace(' ', '/'), kind: 'resource' }],
        }],
      })),
    }],
  };
}
