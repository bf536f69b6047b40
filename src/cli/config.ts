/**
 * The configuration of `k8s-udp lint`: command-line flags merged over an optional `.k8s-udp.yaml`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ClusterOptions, parseExternalDnsVersion, parseGatewayApiChannel, parseKubernetesVersion, parseProvider } from './cluster';
import { catalogEntry } from '../core/catalog';
import { Severity } from '../core/finding';
import { PortRange } from '../model/port-range';
import { CheckOptions } from '../rules/engine';

/** The configuration file read from the working directory when present. */
export const CONFIG_FILE = '.k8s-udp.yaml';

/** A usage error: a bad flag or configuration value. `k8s-udp` exits with 2. */
export class UsageError extends Error {
  /** @param message what is wrong, naming the flag or the configuration key */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What the configuration file may hold (every key optional). */
export interface ConfigFile {
  /** Rule ids to skip everywhere. */
  readonly disable?: string[];
  /** Severity overrides: `{ UDP205: error }`. */
  readonly severity?: Record<string, string>;
  /** The cluster's `--service-node-port-range`, `30000-32767`. */
  readonly nodePortRange?: string;
  /** The cluster's Kubernetes version, `1.28`. */
  readonly kubernetesVersion?: string;
  /** The cluster's load-balancer implementation, `aws-lbc:2.13`. */
  readonly provider?: string;
  /** The ExternalDNS release that publishes the records, `0.22`. */
  readonly externalDnsVersion?: string;
  /** The cluster's Gateway API release channel, `standard` or `experimental`. */
  readonly gatewayApiChannel?: string;
  /** Whether warnings fail too. */
  readonly strict?: boolean;
}

const CONFIG_KEYS = ['disable', 'severity', 'nodePortRange', 'kubernetesVersion', 'provider', 'externalDnsVersion', 'gatewayApiChannel', 'strict'];

/** The flags of `k8s-udp lint` as commander gives them. */
export interface LintFlags {
  /** `--format`: human, json or sarif. */
  readonly format?: string;
  /** `--strict`: warnings fail too. */
  readonly strict?: boolean;
  /** `--disable`, each a comma-separated list of rule ids. */
  readonly disable?: string[];
  /** `--severity`, each `<rule id>=<error|warning>` (comma-separated pairs allowed). */
  readonly severity?: string[];
  /** `--node-port-range`, `min-max`. */
  readonly nodePortRange?: string;
  /** `--kubernetes-version`, `1.28`. */
  readonly kubernetesVersion?: string;
  /** `--provider`, `aws-lbc:2.13`. */
  readonly provider?: string;
  /** `--external-dns-version`, `0.20`. */
  readonly externalDnsVersion?: string;
  /** `--gateway-api-channel`, `standard` or `experimental`. */
  readonly gatewayApiChannel?: string;
  /** `--config <file>`, or `false` for `--no-config`. */
  readonly config?: string | false;
  /** `--stdin-name`. */
  readonly stdinName?: string;
  /** `--color` (true) or `--no-color` (false); unset means "on a terminal". */
  readonly color?: boolean;
  /** `--allow-empty`: input without any Kubernetes object is no error. */
  readonly allowEmpty?: boolean;
}

/** The output formats. */
export type OutputFormat = 'human' | 'json' | 'sarif';

/** Everything a lint run needs, resolved and checked. */
export interface LintConfig {
  /** The output format. */
  readonly format: OutputFormat;
  /** Whether warnings fail the run too. */
  readonly strict: boolean;
  /** The options of the rule engine. */
  readonly check: CheckOptions & ClusterOptions;
  /** The name standard input is reported under. */
  readonly stdinName: string;
  /** The configuration file read, if any. */
  readonly configFile?: string;
}

/** Splits `UDP204,UDP205` lists (flags may repeat) into known, upper-case rule ids. */
function ruleIds(values: readonly string[], where: string): string[] {
  const ids = values.flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter((v) => v.length > 0);
  for (const id of ids) {
    if (!catalogEntry(id)) throw new UsageError(`${where}: unknown rule id "${id}" (see \`k8s-udp rules\`)`);
  }
  return ids;
}

function severityOf(text: string, where: string): Severity {
  const level = text.trim().toLowerCase();
  if (level === Severity.ERROR || level === Severity.WARNING || level === Severity.INFO) return level as Severity;
  throw new UsageError(`${where}: severity "${text}" is not error, warning or info`);
}

/** Reads `.k8s-udp.yaml` (or the file given); `undefined` when the default file is absent. */
export function readConfigFile(file: string, required: boolean): ConfigFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`${file}: cannot be read (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = parse(text, { prettyErrors: false }) ?? {};
  } catch (error) {
    throw new UsageError(`${file}: YAML does not parse: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: must be a mapping of ${CONFIG_KEYS.join(', ')}`);
  }
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.includes(key)) throw new UsageError(`${file}: unknown key "${key}" (${CONFIG_KEYS.join(', ')})`);
  }
  const strings = (key: string) => {
    const v = config[key];
    if (v !== undefined && typeof v !== 'string' && typeof v !== 'number') throw new UsageError(`${file}: ${key} must be a string`);
  };
  ['nodePortRange', 'kubernetesVersion', 'provider', 'externalDnsVersion', 'gatewayApiChannel'].forEach(strings);
  if (config.disable !== undefined && !(Array.isArray(config.disable) && config.disable.every((x) => typeof x === 'string'))) {
    throw new UsageError(`${file}: disable must be a list of rule ids`);
  }
  const severity = config.severity;
  if (severity !== undefined && (severity === null || typeof severity !== 'object' || Array.isArray(severity))) {
    throw new UsageError(`${file}: severity must map rule ids to error or warning`);
  }
  if (config.strict !== undefined && typeof config.strict !== 'boolean') throw new UsageError(`${file}: strict must be true or false`);
  return {
    disable: config.disable as string[] | undefined,
    severity: severity as Record<string, string> | undefined,
    nodePortRange: config.nodePortRange === undefined ? undefined : String(config.nodePortRange),
    kubernetesVersion: config.kubernetesVersion === undefined ? undefined : String(config.kubernetesVersion),
    provider: config.provider === undefined ? undefined : String(config.provider),
    externalDnsVersion: config.externalDnsVersion === undefined ? undefined : String(config.externalDnsVersion),
    gatewayApiChannel: config.gatewayApiChannel === undefined ? undefined : String(config.gatewayApiChannel),
    strict: config.strict as boolean | undefined,
  };
}

/**
 * Resolves the flags over the configuration file: lists of disabled rules add up, a flag's severity or value wins
 * over the file's.
 *
 * @throws UsageError on an unknown rule id, severity, format, port range, version or provider
 */
export function resolveConfig(flags: LintFlags, cwd: string): LintConfig {
  const format = (flags.format ?? 'human').toLowerCase();
  if (format !== 'human' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format: "${flags.format}" is not human, json or sarif`);
  }
  let configFile: string | undefined;
  let file: ConfigFile = {};
  if (flags.config !== false) {
    const given = typeof flags.config === 'string';
    const candidate = path.resolve(cwd, given ? flags.config as string : CONFIG_FILE);
    const read = readConfigFile(candidate, given);
    if (read) {
      file = read;
      configFile = candidate;
    }
  }
  const where = configFile ? path.relative(cwd, configFile) || configFile : '';

  const disabled = [...ruleIds(file.disable ?? [], `${where} disable`), ...ruleIds(flags.disable ?? [], '--disable')];
  const severities: Record<string, Severity> = {};
  for (const [id, level] of Object.entries(file.severity ?? {})) {
    const [known] = ruleIds([id], `${where} severity`);
    severities[known] = severityOf(String(level), `${where} severity ${id}`);
  }
  for (const entry of flags.severity ?? []) {
    for (const pair of entry.split(',').filter((p) => p.trim().length > 0)) {
      const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(pair);
      if (!match) throw new UsageError(`--severity: "${pair}" is not <rule id>=<error|warning>`);
      const [known] = ruleIds([match[1]], '--severity');
      severities[known] = severityOf(match[2], '--severity');
    }
  }
  const rangeText = flags.nodePortRange ?? file.nodePortRange;
  let nodePortRange: PortRange | undefined;
  if (rangeText !== undefined) {
    try {
      nodePortRange = PortRange.parse(rangeText);
    } catch (error) {
      throw new UsageError(`--node-port-range: ${(error as Error).message}`);
    }
  }
  const versionText = flags.kubernetesVersion ?? file.kubernetesVersion;
  const providerText = flags.provider ?? file.provider;
  const parsed = (text: string | undefined, flag: string, parser: (t: string) => unknown) => {
    if (text === undefined) return undefined;
    try {
      return parser(text);
    } catch (error) {
      throw new UsageError(`${flag}: ${(error as Error).message}`);
    }
  };
  const externalDnsText = flags.externalDnsVersion ?? file.externalDnsVersion;
  const cluster = {
    kubernetesVersion: parsed(versionText, '--kubernetes-version', parseKubernetesVersion),
    provider: parsed(providerText, '--provider', parseProvider),
    externalDnsVersion: parsed(externalDnsText, '--external-dns-version', parseExternalDnsVersion),
    gatewayApiChannel: parsed(flags.gatewayApiChannel ?? file.gatewayApiChannel, '--gateway-api-channel', parseGatewayApiChannel),
  } as ClusterOptions;
  return {
    format: format as OutputFormat,
    strict: flags.strict ?? file.strict ?? false,
    check: { disabled, severities, nodePortRange, ...cluster },
    stdinName: flags.stdinName ?? 'stdin',
    configFile,
  };
}
