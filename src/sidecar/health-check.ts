import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { Duration, Size } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { isDuration, millisOf } from './millis';
import { DnsQueryType, DnsResponseCode, UdpProbe, UdpProbeMode } from './probe';
import { isDelegated } from './reporting';
import {
  SIDECAR_CONTAINER_NAME, SIDECAR_DNS_NAME, SIDECAR_DNS_RCODES, SIDECAR_DNS_TYPE, SIDECAR_EXCHANGE_EXPECT,
  SIDECAR_EXCHANGE_PAYLOAD, SIDECAR_IMAGE_COMMAND, SIDECAR_NO_PROBES, SIDECAR_NOTHING_SERVED, SIDECAR_PERIOD,
  SIDECAR_PORT_CLASH, SIDECAR_PORTS_EQUAL, SIDECAR_PRIVILEGED_PORT, SIDECAR_PROBE_HOST, SIDECAR_PROBE_PORT,
  SIDECAR_PROBE_TIMEOUT, SIDECAR_PROBE_UNDECLARED, SIDECAR_PROP_TYPE, SIDECAR_SERVING_PORT, SIDECAR_WORKLOAD,
} from './rules';
import { SIDECAR_SCRIPT } from './script';
import { KubeConfigMap } from '../kube/config-map';
import { checkDns1123Label } from '../model/names';
import { Finding, formatFinding, Violation } from '../rules/finding';
import { findingOf, RuleInfo } from '../rules/rule';
import { addRuleValidation } from '../validation/rule-validation';
import { markAuxiliaryContainer } from '../workloads/auxiliary';
import { describeValue, recognizeSelection } from '../workloads/recognize';
import { IPlusContainer } from '../workloads/types';
import { ProbeSpec, ResourcesSpec, VolumeSpec, Workload } from '../workloads/workload';

/**
 * The default image: the official busybox image, uClibc variant (static, no shared libraries), pinned by tag.
 * Nothing is built or published by this library.
 */
export const UDP_HEALTH_DEFAULT_IMAGE = 'busybox:1.36.1-uclibc';

/**
 * The published compressed size of `UDP_HEALTH_DEFAULT_IMAGE` for linux/amd64, in bytes: the size of its single
 * layer in the OCI manifest that docker-library/busybox records for 1.36.1-uclibc
 * (https://github.com/docker-library/busybox, `latest-1/uclibc/amd64/image-manifest.json` on its dist branch),
 * plus the 481-byte image config. Rebuilds of the tag change it by a few bytes. Not pulled or measured here: this
 * machine has no container engine.
 */
export const UDP_HEALTH_DEFAULT_IMAGE_COMPRESSED_BYTES = 753_073 + 481;

/** Where the ConfigMap with the script is mounted in the sidecar. */
export const UDP_HEALTH_SCRIPT_DIR = '/etc/udp-health';
/** The script's key in the ConfigMap and file name in `UDP_HEALTH_SCRIPT_DIR`. */
export const UDP_HEALTH_SCRIPT_KEY = 'udp-health.sh';
/** Where the in-memory emptyDir for the sidecar's state (last probe result) is mounted. */
export const UDP_HEALTH_STATE_DIR = '/run/udp-health';
/** The HTTP path the sidecar answers. */
export const UDP_HEALTH_PATH = '/healthz';
/** The pod-template annotation holding the script's hash, so that a new script rolls the pods. */
export const UDP_HEALTH_SCRIPT_HASH_ANNOTATION = 'k8s-udp-constructs.io/udp-health-script';

/** A CPU quantity: cdk8s-plus's `Cpu` of any major (`Cpu.millis(5)`), or `{ amount: '5m' }`. */
export interface SidecarCpu {
  /** The quantity, for example `5m`. */
  readonly amount: string;
}

/**
 * The sidecar's CPU and memory: the shape of cdk8s-plus's `ContainerResources`, so that one of any major is accepted.
 */
export interface SidecarResources {
  /**
   * CPU request and limit.
   * @default - none
   */
  readonly cpu?: { readonly request?: SidecarCpu; readonly limit?: SidecarCpu };
  /**
   * Memory request and limit.
   * @default - none
   */
  readonly memory?: { readonly request?: Size; readonly limit?: Size };
}

/** Properties of `UdpHealthCheck`. */
export interface UdpHealthCheckProps {
  /**
   * What to check: one probe per UDP port (or several). The pod is healthy when every probe passes.
   */
  readonly probes: readonly UdpProbe[];
  /**
   * The TCP port on which the sidecar answers `GET /healthz` (200 healthy, 503 not, with the last result and its
   * age), or `undefined` together with `serveHttp: false`.
   *
   * @default 10080
   */
  readonly httpPort?: number;
  /**
   * Whether to serve HTTP. The readinessProbe uses HTTP when it is on, TCP otherwise.
   *
   * @default true
   */
  readonly serveHttp?: boolean;
  /**
   * A TCP port that accepts connections only while healthy (for TCP health checks of a load balancer).
   *
   * @default - no TCP listener
   */
  readonly tcpPort?: number;
  /**
   * How often the sidecar probes, which is also how long a result is served from its cache: health checks never
   * trigger probes, so any number of checkers costs one probe per period. Whole seconds, 1 to 300.
   *
   * @default Duration.seconds(5)
   */
  readonly period?: Duration;
  /**
   * The sidecar's image. It must provide `/bin/busybox` with `sh`, `nc` (with `-u` for exchange probes), `nslookup`,
   * `awk`, `grep`, `dd`, `timeout`, `wc`, `date`, `mv`, `rm` and `mkfifo`, or a `command` that runs the script otherwise.
   *
   * @default UDP_HEALTH_DEFAULT_IMAGE ('busybox:1.36.1-uclibc')
   */
  readonly image?: string;
  /**
   * The sidecar's command. The script is at `/etc/udp-health/udp-health.sh`, its settings in `UDP_HEALTH_*`
   * environment variables.
   *
   * @default ['/bin/busybox', 'sh', '/etc/udp-health/udp-health.sh']
   */
  readonly command?: readonly string[];
  /**
   * The command line of the UDP client of `exchange` probes (`UDP_HEALTH_NC`); it must accept
   * `-n -u -w SECONDS HOST PORT` like netcat 1.10. Override it for an image whose busybox lacks `nc -u`.
   *
   * @default 'busybox nc'
   */
  readonly udpClient?: string;
  /**
   * The sidecar container's name.
   *
   * @default 'udp-health'
   */
  readonly containerName?: string;
  /**
   * The sidecar's resources.
   *
   * @default - requests cpu 5m, memory 8Mi; limits cpu 100m, memory 16Mi
   */
  readonly resources?: SidecarResources;
  /**
   * Whether to give the sidecar a readinessProbe on its own HTTP (or TCP) port, so that a dead UDP server takes the pod
   * out of the Service's endpoints (and kube-proxy cleans its conntrack entries).
   *
   * @default true
   */
  readonly readiness?: boolean;
  /**
   * The readinessProbe's failureThreshold: consecutive unhealthy answers before the pod is unready. A whole number of
   * at least 1 (not checked here: the API server rejects less).
   *
   * @default 2
   */
  readonly readinessFailureThreshold?: number;
}

/** What the sidecar can join: the pods and pod controllers that keep running. */
const SIDECAR_WORKLOADS = 'a Pod, Deployment, StatefulSet or DaemonSet of cdk8s-plus-28 to cdk8s-plus-33';

/** The workload the sidecar can join, or what is wrong with `workload`. */
function sidecarWorkload(workload: unknown): Workload | { readonly given: string; readonly problem: string } {
  const selection = recognizeSelection(workload);
  if (selection.kind === 'workload') {
    if (selection.workload.runsContinuously) return selection.workload;
    return { given: describeValue(workload), problem: 'runs to completion, which a sidecar that never exits would prevent' };
  }
  if (selection.kind === 'unsupported') return selection;
  return { given: describeValue(workload), problem: 'is not a pod or pod controller the sidecar can join' };
}

const MAX_PAYLOAD = 512;
const MAX_EXPECT = 256;
const DNS_LABEL = /^[A-Za-z0-9_]([-A-Za-z0-9_]{0,61}[A-Za-z0-9_])?$/;

function wholeSecondsIn(duration: Duration, min: number, max: number): boolean {
  const ms = millisOf(duration);
  return Number.isInteger(ms / 1000) && ms >= min * 1000 && ms <= max * 1000;
}

/** A value for a finding: what was given, as JSON can show it (`describe` for objects and functions). */
function shown(value: unknown): unknown {
  return value === null || (typeof value !== 'object' && typeof value !== 'function') ? value : describeValue(value);
}

function secondsOf(duration: Duration): unknown {
  return isDuration(duration) ? `${millisOf(duration) / 1000}s` : shown(duration);
}

function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** The name of a DNS probe is a DNS name: labels of 1..63, at most 253 characters without the trailing dot. */
function isDnsName(name: unknown): boolean {
  if (typeof name !== 'string') return false;
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  return bare.length >= 1 && bare.length <= 253 && bare.split('.').every((label) => DNS_LABEL.test(label));
}

/**
 * The UDP health-check sidecar of one pod: a busybox container that probes the pod's UDP servers and answers health
 * checks over HTTP (`GET /healthz`) and/or TCP, for Kubernetes readiness and for load balancers that cannot probe UDP
 * (AWS NLB).
 *
 * Add it with `UdpHealthCheck.addTo(workload, props)`. Invalid props are reported at synth time with the rule ids
 * UDP601-UDP619, all together, in the library's one message format.
 */
export class UdpHealthCheck extends Construct {
  /** The sidecar already added to `workload`, if any. */
  public static of(workload: IConstruct): UdpHealthCheck | undefined {
    const child = workload.node.tryFindChild('UdpHealthCheck');
    return child instanceof UdpHealthCheck ? child : undefined;
  }

  /**
   * Adds the sidecar to a cdk8s-plus Pod, Deployment, StatefulSet or DaemonSet: a container, a ConfigMap holding its
   * script, a ConfigMap volume and an in-memory emptyDir, its ports and (by default) a readinessProbe.
   *
   * @param workload the pod or pod controller running the UDP server
   * @param props what to probe and how to answer
   * @returns the sidecar, whose accessors tell a load balancer where to check
   */
  public static addTo(workload: IConstruct, props: UdpHealthCheckProps): UdpHealthCheck {
    if (!workload || typeof workload !== 'object' || !Construct.isConstruct(workload)) {
      const finding = findingOf(SIDECAR_WORKLOAD, {
        field: 'workload',
        value: describeValue(workload),
        message: 'is not a construct',
        allowed: SIDECAR_WORKLOADS,
      });
      throw new TypeError(formatFinding(finding, 'UdpHealthCheck.addTo'));
    }
    return new UdpHealthCheck(workload, 'UdpHealthCheck', props);
  }

  /** The TCP port serving `GET /healthz`, or `undefined` when HTTP is off. */
  public readonly httpPort?: number;
  /** The TCP port that accepts connections only while healthy, or `undefined` when TCP is off. */
  public readonly tcpPort?: number;
  /** The HTTP path answering 200 or 503: `/healthz`. */
  public readonly healthPath: string = UDP_HEALTH_PATH;
  /** The probe period, which is also how long a result is cached. */
  public readonly period: Duration;
  /** The probes, in the order the sidecar runs them. */
  public readonly probes: readonly UdpProbe[];
  /** The sidecar container, or `undefined` when the workload is not supported (reported as UDP601 at synth). */
  public readonly container?: IPlusContainer;
  /** The ConfigMap holding the script. */
  public readonly configMap: KubeConfigMap;
  /** The image the sidecar runs. */
  public readonly image: string;
  /** The command the sidecar runs. */
  public readonly command: readonly string[];
  /** The environment of the sidecar: its settings, as the script reads them. */
  public readonly environment: Readonly<Record<string, string>>;

  private readonly workload: Workload | { readonly given: string; readonly problem: string };
  private readonly props: UdpHealthCheckProps;
  private readonly containerName: string;

  /**
   * Prefer `UdpHealthCheck.addTo(workload, props)`, which also accepts and reports unsupported workloads.
   *
   * @param workload the pod or pod controller; the sidecar's constructs are created under it
   * @param id the construct id
   * @param props what to probe and how to answer
   */
  public constructor(workload: IConstruct, id: string, props: UdpHealthCheckProps) {
    super(workload as Construct, id);
    // Untyped input (JavaScript, parsed config) never throws here: what is wrong is reported at synth.
    const given: UdpHealthCheckProps = props ?? { probes: [] };
    this.workload = sidecarWorkload(workload);
    this.props = given;
    this.probes = Array.isArray(given.probes) ? [...given.probes] : [];
    this.period = given.period ?? Duration.seconds(5);
    this.httpPort = given.serveHttp === false ? undefined : given.httpPort ?? 10080;
    this.tcpPort = given.tcpPort;
    this.image = given.image ?? UDP_HEALTH_DEFAULT_IMAGE;
    const command = given.command ?? ['/bin/busybox', 'sh', `${UDP_HEALTH_SCRIPT_DIR}/${UDP_HEALTH_SCRIPT_KEY}`];
    this.command = Array.isArray(command) ? [...command] : [];
    this.containerName = given.containerName ?? 'udp-health';
    this.environment = this.environmentFor();

    // (a construct of its own with the object inside, as cdk8s-plus builds one: the same generated name)
    this.configMap = new KubeConfigMap(new Construct(this, 'Script'), 'Resource', {
      data: { [UDP_HEALTH_SCRIPT_KEY]: SIDECAR_SCRIPT },
      // written out, as cdk8s-plus's ConfigMap did: objects of earlier releases stay byte for byte the same
      immutable: false,
    });
    // Errors fail synthesis together with every other error of the app; warnings go to UdpRules' warning handler.
    // (a sidecar made from another construct's props is reported by that construct, under the names its user wrote)
    addRuleValidation(this, () => (isDelegated(this) ? [] : this.findings()));

    const pod = this.workload;
    if (!(pod instanceof Workload)) return;

    const scriptVolume: VolumeSpec = {
      name: `${this.containerName}-script`,
      configMap: { name: this.configMap.name, defaultMode: 0o444 },
    };
    const stateVolume: VolumeSpec = {
      name: `${this.containerName}-state`,
      emptyDir: { medium: 'Memory', sizeLimit: Size.mebibytes(1) },
    };
    const ports: Array<{ number: number; name: string; protocol: string }> = [];
    if (this.httpPort !== undefined) ports.push({ number: this.httpPort, name: 'udp-health', protocol: 'TCP' });
    if (this.tcpPort !== undefined && !Object.is(this.tcpPort, this.httpPort)) {
      // (equal ports are reported as UDP612 at synth; cdk8s-plus would throw on the duplicate here)
      ports.push({ number: this.tcpPort, name: 'udp-health-tcp', protocol: 'TCP' });
    }

    this.container = pod.addContainer({
      name: this.containerName,
      image: this.image,
      imagePullPolicy: 'IfNotPresent',
      command: [...this.command],
      env: this.environment,
      ports,
      volumeMounts: [
        { path: UDP_HEALTH_SCRIPT_DIR, volume: scriptVolume, readOnly: true },
        { path: UDP_HEALTH_STATE_DIR, volume: stateVolume },
      ],
      securityContext: {
        // nobody:nogroup in the busybox image; the image's own user is root, which runAsNonRoot would refuse.
        user: 65534,
        group: 65534,
        ensureNonRoot: true,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      },
      // (resources that are no object are reported, UDP620, and the defaults apply)
      resources: resourcesOf(typeof given.resources === 'object' && given.resources !== null ? given.resources : undefined),
      readiness: given.readiness === false ? undefined : this.readinessProbe(),
    });
    markAuxiliaryContainer(this.container);
    const hash = createHash('sha256').update(SIDECAR_SCRIPT).digest('hex').slice(0, 16);
    pod.addPodAnnotation(UDP_HEALTH_SCRIPT_HASH_ANNOTATION, hash);
  }

  /**
   * Every finding about this sidecar's props and its place in the workload, before silencing. At synthesis, errors
   * fail `app.synth()` (through `node.addValidation`) and warnings (UDP615, UDP616) go to `UdpRules.onWarning`'s
   * handler; `UdpRules.silence(scope, id)` silences a rule, `UdpRules.findings(scope)` lists what remains.
   */
  public findings(): Finding[] {
    const out: Finding[] = [];
    const add = (rule: RuleInfo, violation: Violation) => out.push(findingOf(rule, violation));
    if (!(this.workload instanceof Workload)) {
      add(SIDECAR_WORKLOAD, {
        field: 'workload',
        value: this.workload.given,
        message: this.workload.problem,
        allowed: SIDECAR_WORKLOADS,
      });
    }
    const probesAllowed = 'UdpProbe.bound, UdpProbe.exchange or UdpProbe.dns';
    if (this.props.probes != null && !Array.isArray(this.props.probes)) {
      add(SIDECAR_NO_PROBES, { field: 'probes', value: shown(this.props.probes), message: 'must be a list of probes', allowed: probesAllowed });
    } else if (this.probes.length === 0) {
      add(SIDECAR_NO_PROBES, { field: 'probes', value: [], message: 'must not be empty', allowed: probesAllowed });
    }
    this.probes.forEach((probe, i) => {
      if (probe instanceof UdpProbe) {
        this.probeFindings(probe, `probes[${i}]`, add);
      } else {
        add(SIDECAR_NO_PROBES, { field: `probes[${i}]`, value: shown(probe), message: 'is not a probe', allowed: probesAllowed });
      }
    });

    if (!wholeSecondsIn(this.period, 1, 300)) {
      add(SIDECAR_PERIOD, { field: 'period', value: secondsOf(this.period), message: 'must be whole seconds between 1 and 300', allowed: '1s..300s' });
    }
    const serving: Array<[string, number]> = [];
    if (this.httpPort !== undefined) serving.push(['httpPort', this.httpPort]);
    if (this.tcpPort !== undefined) serving.push(['tcpPort', this.tcpPort]);
    if (serving.length === 0) {
      add(SIDECAR_NOTHING_SERVED, { field: 'serveHttp', value: false, message: 'turns HTTP off and no tcpPort is set', allowed: 'serveHttp true, a tcpPort, or both' });
    }
    for (const [field, port] of serving) {
      if (!isPort(port)) {
        add(SIDECAR_SERVING_PORT, { field, value: port, message: 'must be a whole number between 1 and 65535', allowed: '1..65535' });
      } else if (port < 1024) {
        add(SIDECAR_PRIVILEGED_PORT, { field, value: port, message: 'is below 1024, which a non-root container without NET_BIND_SERVICE may not bind', allowed: '1024..65535' });
      }
    }
    if (this.httpPort !== undefined && this.httpPort === this.tcpPort) {
      add(SIDECAR_PORTS_EQUAL, { field: 'tcpPort', value: this.tcpPort, message: 'is also the httpPort', allowed: 'two different ports' });
    }
    if (typeof this.image !== 'string' || this.image.trim() === '') {
      const message = typeof this.image === 'string' ? 'must not be empty' : 'must be a string';
      add(SIDECAR_IMAGE_COMMAND, { field: 'image', value: shown(this.image), message, allowed: `an image reference, for example "${UDP_HEALTH_DEFAULT_IMAGE}"` });
    }
    const command: unknown = this.props.command ?? this.command;
    if (!Array.isArray(command) || command.length === 0 || command.some((part) => typeof part !== 'string' || part === '')) {
      add(SIDECAR_IMAGE_COMMAND, { field: 'command', value: Array.isArray(command) ? command : shown(command), message: 'must be a non-empty list of non-empty strings', allowed: 'for example ["/bin/busybox", "sh", "/etc/udp-health/udp-health.sh"]' });
    }
    const udpClient: unknown = this.props.udpClient;
    if (udpClient != null && (typeof udpClient !== 'string' || udpClient.trim() === '')) {
      const message = typeof udpClient === 'string' ? 'must not be empty' : 'must be a string';
      add(SIDECAR_IMAGE_COMMAND, { field: 'udpClient', value: shown(udpClient), message, allowed: 'a netcat command line, for example "busybox nc"' });
    }
    const given = this.props as unknown as Record<string, unknown>;
    for (const field of ['serveHttp', 'readiness']) {
      if (given[field] !== undefined && typeof given[field] !== 'boolean') {
        add(SIDECAR_PROP_TYPE, { field, value: shown(given[field]), message: 'must be true or false', allowed: 'true or false' });
      }
    }
    const threshold = given.readinessFailureThreshold;
    if (threshold !== undefined && !(typeof threshold === 'number' && Number.isInteger(threshold) && threshold >= 1)) {
      add(SIDECAR_PROP_TYPE, { field: 'readinessFailureThreshold', value: shown(threshold), message: 'must be a whole number of at least 1', allowed: '1, 2, 3, ...' });
    }
    if (given.resources !== undefined && (typeof given.resources !== 'object' || given.resources === null || Array.isArray(given.resources))) {
      add(SIDECAR_PROP_TYPE, { field: 'resources', value: shown(given.resources), message: 'must be an object', allowed: 'for example { cpu: { request: Cpu.millis(5) }, memory: { limit: Size.mebibytes(16) } }' });
    }
    const nameProblem = typeof this.containerName === 'string' ? checkDns1123Label(this.containerName) : 'must be a string';
    if (nameProblem) {
      add(SIDECAR_CONTAINER_NAME, { field: 'containerName', value: shown(this.containerName), message: nameProblem, allowed: 'a DNS-1123 label' });
    }
    if (this.workload instanceof Workload) this.workloadFindings(this.workload, serving, add);
    return out;
  }

  private probeFindings(probe: UdpProbe, field: string, add: (rule: RuleInfo, violation: Violation) => void): void {
    if (!isPort(probe.port)) {
      add(SIDECAR_PROBE_PORT, { field: `${field}.port`, value: probe.port, message: 'must be a whole number between 1 and 65535', allowed: '1..65535' });
    }
    if (probe.host !== undefined && (typeof probe.host !== 'string' || isIP(probe.host) === 0)) {
      add(SIDECAR_PROBE_HOST, { field: `${field}.host`, value: shown(probe.host), message: 'is not an IP address', allowed: 'an IPv4 or IPv6 address, for example "127.0.0.1"' });
    }
    if (probe.timeout !== undefined && !wholeSecondsIn(probe.timeout, 1, 30)) {
      add(SIDECAR_PROBE_TIMEOUT, { field: `${field}.timeout`, value: secondsOf(probe.timeout), message: 'must be whole seconds between 1 and 30', allowed: '1s..30s' });
    }
    if (probe.mode === UdpProbeMode.EXCHANGE) {
      if (probe.payload.length < 1 || probe.payload.length > MAX_PAYLOAD) {
        add(SIDECAR_EXCHANGE_PAYLOAD, { field: `${field}.payload`, value: `${probe.payload.length} bytes`, message: `must be 1 to ${MAX_PAYLOAD} bytes`, allowed: `1..${MAX_PAYLOAD} bytes` });
      }
      const expect: unknown = probe.expect;
      if (expect !== undefined && (typeof expect !== 'string' || expect.length < 1 || expect.length > MAX_EXPECT || /[\n\r\0]/.test(expect))) {
        add(SIDECAR_EXCHANGE_EXPECT, { field: `${field}.expect`, value: shown(expect), message: `must be one line of 1 to ${MAX_EXPECT} characters`, allowed: 'an extended regular expression without newline or NUL' });
      }
    }
    if (probe.mode === UdpProbeMode.DNS) {
      if (!isDnsName(probe.name)) {
        add(SIDECAR_DNS_NAME, { field: `${field}.name`, value: shown(probe.name), message: 'is not a DNS name', allowed: 'dot-separated labels of 1 to 63 letters, digits, "-" or "_", at most 253 characters' });
      }
      const types = Object.values(DnsQueryType) as string[];
      if (!types.includes(probe.type as string)) {
        add(SIDECAR_DNS_TYPE, { field: `${field}.type`, value: shown(probe.type), message: 'is not a query type busybox nslookup knows', allowed: types.join(', ') });
      }
      const known = Object.values(DnsResponseCode) as string[];
      const rcodes: unknown = probe.rcodes;
      if (!Array.isArray(rcodes)) {
        add(SIDECAR_DNS_RCODES, { field: `${field}.rcodes`, value: shown(rcodes), message: 'must be a list of response codes', allowed: known.join(', ') });
      } else {
        const unknown = rcodes.filter((code) => !known.includes(code));
        if (rcodes.length === 0 || unknown.length > 0) {
          add(SIDECAR_DNS_RCODES, {
            field: `${field}.rcodes`,
            value: rcodes.map(shown),
            message: rcodes.length === 0 ? 'must not be empty' : `has unknown response codes ${unknown.map(String).join(', ')}`,
            allowed: known.join(', '),
          });
        }
      }
    }
  }

  private workloadFindings(workload: Workload, serving: Array<[string, number]>, add: (rule: RuleInfo, violation: Violation) => void): void {
    const others = [...workload.initContainers, ...workload.containers].filter((c) => c !== this.container);
    const udpPorts = new Set<number>();
    for (const other of others) {
      for (const port of other.ports) {
        const protocol = port.protocol ?? 'TCP';
        if (protocol === 'UDP') udpPorts.add(port.number);
        if (protocol !== 'TCP') continue;
        for (const [field, number] of serving) {
          if (port.number === number) {
            add(SIDECAR_PORT_CLASH, { field, value: number, message: `is already a TCP port of container "${other.name}"`, allowed: 'a port no other container of the pod uses' });
          }
        }
      }
      if (other.name === this.containerName) {
        add(SIDECAR_CONTAINER_NAME, { field: 'containerName', value: this.containerName, message: 'is already the name of another container of the pod', allowed: 'a name no other container of the pod uses' });
      }
    }
    this.probes.forEach((probe, i) => {
      if (probe instanceof UdpProbe && isPort(probe.port) && !udpPorts.has(probe.port)) {
        add(SIDECAR_PROBE_UNDECLARED, { field: `probes[${i}].port`, value: probe.port, message: 'is not declared as a UDP container port of the pod', allowed: `a container port ${probe.port} with protocol UDP` });
      }
    });
  }

  /** The period in whole seconds, at least 1 (an invalid period, reported as UDP614, gives 1 here). */
  private periodSeconds(): number {
    const seconds = Math.round(millisOf(this.period) / 1000);
    return Number.isFinite(seconds) ? Math.max(1, seconds) : 1;
  }

  private environmentFor(): Record<string, string> {
    const periodSeconds = this.periodSeconds();
    // (entries that are not probes are reported as UDP602 at synth)
    const probes = this.probes.filter((probe) => probe instanceof UdpProbe);
    const roundSeconds = probes.reduce((sum, probe) => sum + probe.worstCaseSeconds(), 0);
    const env: Record<string, string> = {
      UDP_HEALTH_PROBES: probes.map((probe) => probe.toScriptLine()).join('\n'),
      UDP_HEALTH_PERIOD: String(periodSeconds),
      // A result older than two full rounds means the prober is stuck: answer 503 "stale".
      UDP_HEALTH_MAX_AGE: String(2 * (periodSeconds + roundSeconds) + 1),
      UDP_HEALTH_STATE_DIR: UDP_HEALTH_STATE_DIR,
    };
    if (this.httpPort !== undefined) env.UDP_HEALTH_HTTP_PORT = String(this.httpPort);
    if (this.tcpPort !== undefined) env.UDP_HEALTH_TCP_PORT = String(this.tcpPort);
    if (this.props.udpClient != null) env.UDP_HEALTH_NC = String(this.props.udpClient);
    return env;
  }

  private readinessProbe(): ProbeSpec {
    const options = {
      periodSeconds: this.periodSeconds(),
      timeoutSeconds: 2,
      failureThreshold: typeof this.props.readinessFailureThreshold === 'number' ? this.props.readinessFailureThreshold : 2,
      successThreshold: 1,
    };
    if (this.httpPort !== undefined) return { ...options, httpGet: { path: this.healthPath, port: this.httpPort } };
    return { ...options, tcpSocket: { port: this.tcpPort ?? 80 } };
  }
}

/** The sidecar's resources as the workload adapter takes them; the defaults when none are given. */
function resourcesOf(given: SidecarResources | undefined): ResourcesSpec {
  if (!given) {
    return { cpu: { request: '5m', limit: '100m' }, memory: { request: Size.mebibytes(8), limit: Size.mebibytes(16) } };
  }
  return {
    cpu: given.cpu ? { request: given.cpu.request?.amount, limit: given.cpu.limit?.amount } : undefined,
    memory: given.memory,
  };
}
