import { Severity } from '../rules/finding';
import { RuleInfo } from '../rules/rule';
import { Sources } from '../rules/sources';

/** Where the sidecar's own facts come from. */
export const SidecarSources = {
  /** cdk8s-plus pods and pod controllers (Pod, Deployment, StatefulSet, DaemonSet), one package per Kubernetes minor. */
  CDK8S_PLUS_WORKLOADS: 'https://cdk8s.io/docs/latest/plus/',
  /** busybox nslookup: `-type=`, `-port=`, `-timeout=`, `-retry=` and the rcode names it prints. */
  BUSYBOX_NSLOOKUP: 'https://git.busybox.net/busybox/tree/networking/nslookup.c?h=1_36_stable',
  /** busybox netcat: `-w SEC` takes whole seconds. */
  BUSYBOX_NC: 'https://git.busybox.net/busybox/tree/networking/nc_bloaty.c?h=1_36_stable',
  /** `net.ipv4.ip_unprivileged_port_start`: below it, binding needs CAP_NET_BIND_SERVICE. */
  UNPRIVILEGED_PORTS: 'https://www.kernel.org/doc/Documentation/networking/ip-sysctl.txt',
  /** DNS names: labels of at most 63 octets, at most 255 octets in all (RFC 1035 section 2.3.4). */
  DNS_NAMES: 'https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4',
} as const;

/** UDP601: `UdpHealthCheck.addTo` needs a cdk8s-plus (28-33) Pod, Deployment, StatefulSet or DaemonSet. */
export const SIDECAR_WORKLOAD: RuleInfo = {
  id: 'UDP601',
  severity: Severity.ERROR,
  title: 'The health-check sidecar needs a cdk8s-plus (28-33) Pod, Deployment, StatefulSet or DaemonSet',
  why: 'The sidecar is a container of the pod that runs the UDP server: it shares its network namespace, reads its '
    + 'sockets and makes it unready. Anything else has no pod to join.',
  source: SidecarSources.CDK8S_PLUS_WORKLOADS,
};

/** UDP602: at least one probe. */
export const SIDECAR_NO_PROBES: RuleInfo = {
  id: 'UDP602',
  severity: Severity.ERROR,
  title: 'The health-check sidecar needs at least one probe',
  why: 'Without a probe the sidecar has nothing to report and would answer "healthy" for a dead server.',
  source: Sources.PROBES,
};

/** UDP603: probe ports are 1..65535. */
export const SIDECAR_PROBE_PORT: RuleInfo = {
  id: 'UDP603',
  severity: Severity.ERROR,
  title: 'A probe port must be a whole number between 1 and 65535',
  why: 'No UDP socket can be bound to or reached on another port, so the probe could never pass.',
  source: Sources.SERVICE_VALIDATION,
};

/** UDP604: probe timeouts are whole seconds, 1..30. */
export const SIDECAR_PROBE_TIMEOUT: RuleInfo = {
  id: 'UDP604',
  severity: Severity.ERROR,
  title: 'A probe timeout must be whole seconds between 1 and 30',
  why: 'busybox nc -w and nslookup -timeout= take whole seconds; a longer timeout delays every health answer\'s '
    + 'freshness by as much.',
  source: SidecarSources.BUSYBOX_NC,
};

/** UDP605: an exchange probe sends 1..512 bytes. */
export const SIDECAR_EXCHANGE_PAYLOAD: RuleInfo = {
  id: 'UDP605',
  severity: Severity.ERROR,
  title: 'An exchange probe must send between 1 and 512 bytes',
  why: 'An empty datagram is never sent by netcat, so no reply can come; a payload over 512 bytes risks '
    + 'fragmentation and costs more than a health probe should.',
  source: SidecarSources.BUSYBOX_NC,
};

/** UDP606: the expected-reply pattern is one line of 1..256 characters. */
export const SIDECAR_EXCHANGE_EXPECT: RuleInfo = {
  id: 'UDP606',
  severity: Severity.ERROR,
  title: 'An exchange probe\'s expected pattern must be one line of 1 to 256 characters',
  why: 'The pattern is matched line by line by busybox grep -E: an empty pattern matches anything, and a newline or '
    + 'NUL cannot be part of a line.',
  source: SidecarSources.BUSYBOX_NC,
};

/** UDP607: a DNS probe's query name is a DNS name. */
export const SIDECAR_DNS_NAME: RuleInfo = {
  id: 'UDP607',
  severity: Severity.ERROR,
  title: 'A DNS probe\'s query name must be a DNS name',
  why: 'nslookup refuses other names, so the probe would fail whatever the server does.',
  source: SidecarSources.DNS_NAMES,
};

/** UDP608: the accepted DNS response codes are known names, at least one. */
export const SIDECAR_DNS_RCODES: RuleInfo = {
  id: 'UDP608',
  severity: Severity.ERROR,
  title: 'A DNS probe must accept at least one known response code',
  why: 'The probe compares the response code nslookup prints with this list: an unknown name never matches.',
  source: SidecarSources.BUSYBOX_NSLOOKUP,
};

/** UDP609: probe hosts are IP addresses. */
export const SIDECAR_PROBE_HOST: RuleInfo = {
  id: 'UDP609',
  severity: Severity.ERROR,
  title: 'A probe host must be an IPv4 or IPv6 address',
  why: 'The sidecar probes its own pod; a name would need a DNS lookup before every probe, which can fail on its own.',
  source: SidecarSources.BUSYBOX_NC,
};

/** UDP610: the sidecar's serving ports are 1..65535. */
export const SIDECAR_SERVING_PORT: RuleInfo = {
  id: 'UDP610',
  severity: Severity.ERROR,
  title: 'The sidecar\'s HTTP and TCP ports must be whole numbers between 1 and 65535',
  why: 'The API server rejects a containerPort outside 1..65535.',
  source: Sources.SERVICE_VALIDATION,
};

/** UDP611: at least one of HTTP and TCP serving. */
export const SIDECAR_NOTHING_SERVED: RuleInfo = {
  id: 'UDP611',
  severity: Severity.ERROR,
  title: 'The sidecar must serve HTTP, TCP or both',
  why: 'Kubernetes and load balancers can only ask over HTTP or TCP: a sidecar that serves neither tells no one.',
  source: Sources.PROBES,
};

/** UDP612: HTTP and TCP on different ports. */
export const SIDECAR_PORTS_EQUAL: RuleInfo = {
  id: 'UDP612',
  severity: Severity.ERROR,
  title: 'The sidecar\'s HTTP and TCP ports must differ',
  why: 'Two listeners cannot bind the same TCP port; the second one would never start.',
  source: Sources.SERVICE_VALIDATION,
};

/** UDP613: the sidecar's ports are free in the pod. */
export const SIDECAR_PORT_CLASH: RuleInfo = {
  id: 'UDP613',
  severity: Severity.ERROR,
  title: 'The sidecar\'s ports must not be TCP ports of the pod\'s other containers',
  why: 'Containers of a pod share one network namespace: whichever binds the port first wins and the other fails.',
  source: Sources.SERVICE_VALIDATION,
};

/** UDP614: the probe period is whole seconds, 1..300. */
export const SIDECAR_PERIOD: RuleInfo = {
  id: 'UDP614',
  severity: Severity.ERROR,
  title: 'The probe period must be whole seconds between 1 and 300',
  why: 'The period is both how often the sidecar probes and how long a result is served; readinessProbe '
    + 'periodSeconds takes whole seconds, and past 300 s a dead server stays in rotation for minutes.',
  source: Sources.PROBES,
};

/** UDP615: ports below 1024 need a capability the sidecar drops. */
export const SIDECAR_PRIVILEGED_PORT: RuleInfo = {
  id: 'UDP615',
  severity: Severity.WARNING,
  title: 'A sidecar port below 1024 may not bind as non-root without capabilities',
  why: 'The sidecar runs as non-root with every capability dropped: below net.ipv4.ip_unprivileged_port_start '
    + '(1024 unless the runtime lowers it) the listener cannot bind and every check fails.',
  source: SidecarSources.UNPRIVILEGED_PORTS,
};

/** UDP616: probed ports are declared as UDP container ports. */
export const SIDECAR_PROBE_UNDECLARED: RuleInfo = {
  id: 'UDP616',
  severity: Severity.WARNING,
  title: 'A probed port should be declared as a UDP container port of the pod',
  why: 'Not declaring it works, but then the probe watches a port no Service can name, which usually means a typo.',
  source: Sources.FIND_PORT,
};

/** UDP617: image and command are non-empty. */
export const SIDECAR_IMAGE_COMMAND: RuleInfo = {
  id: 'UDP617',
  severity: Severity.ERROR,
  title: 'The sidecar\'s image and command must not be empty',
  why: 'The API server rejects a container without an image; an empty command runs the image\'s own entrypoint, '
    + 'not the health check.',
  source: Sources.SERVICE_VALIDATION,
};

/** UDP618: a DNS probe's query type is one nslookup knows. */
export const SIDECAR_DNS_TYPE: RuleInfo = {
  id: 'UDP618',
  severity: Severity.ERROR,
  title: 'A DNS probe\'s query type must be one busybox nslookup knows',
  why: 'nslookup exits with a usage error on other types, so the probe would always fail.',
  source: SidecarSources.BUSYBOX_NSLOOKUP,
};

/** UDP619: the sidecar's container name is a free DNS-1123 label. */
export const SIDECAR_CONTAINER_NAME: RuleInfo = {
  id: 'UDP619',
  severity: Severity.ERROR,
  title: 'The sidecar\'s container name must be a DNS-1123 label not used by another container of the pod',
  why: 'The API server rejects a pod with an invalid or duplicate container name.',
  source: Sources.NAME_VALIDATION,
};

/** Every rule of the health-check sidecar, in id order, for the rule catalog. */
/** UDP620: the sidecar's switches, threshold and resources have their types (untyped input). */
export const SIDECAR_PROP_TYPE: RuleInfo = {
  id: 'UDP620',
  severity: Severity.ERROR,
  title: 'A sidecar prop of the wrong type',
  why: 'A string "no" for a switch is truthy, a string threshold or resources would be emitted as something the API '
    + 'server refuses: each would change the sidecar without a word.',
  source: Sources.PROBES,
};

export const SIDECAR_RULES: readonly RuleInfo[] = [
  SIDECAR_WORKLOAD,
  SIDECAR_NO_PROBES,
  SIDECAR_PROBE_PORT,
  SIDECAR_PROBE_TIMEOUT,
  SIDECAR_EXCHANGE_PAYLOAD,
  SIDECAR_EXCHANGE_EXPECT,
  SIDECAR_DNS_NAME,
  SIDECAR_DNS_RCODES,
  SIDECAR_PROBE_HOST,
  SIDECAR_SERVING_PORT,
  SIDECAR_NOTHING_SERVED,
  SIDECAR_PORTS_EQUAL,
  SIDECAR_PORT_CLASH,
  SIDECAR_PERIOD,
  SIDECAR_PRIVILEGED_PORT,
  SIDECAR_PROBE_UNDECLARED,
  SIDECAR_IMAGE_COMMAND,
  SIDECAR_DNS_TYPE,
  SIDECAR_CONTAINER_NAME,
  SIDECAR_PROP_TYPE,
];
