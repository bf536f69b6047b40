import { Severity } from './finding';
import { GATEWAY_TABLE } from './gateway-catalog';
import { byRuleId, RuleInfo } from './rule-info';
import { Sources as S } from './sources';

type Manifest = Readonly<Record<string, unknown>>;

// The objects of the examples of rules over objects: a Service `dns` for pods labelled app=dns, the Deployment that
// runs them (CoreDNS on UDP 53 with a readiness probe, two replicas), an AWS NLB Service, an ExternalDNS DNSEndpoint.
const DNS_LABELS = { app: 'dns' };
const UDP_53 = { name: 'dns', port: 53, protocol: 'UDP' };
const TCP_53 = { name: 'dns-tcp', port: 53, protocol: 'TCP' };
const SUBNETS_2 = { 'service.beta.kubernetes.io/aws-load-balancer-subnets': 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002' };
const EIPS_2 = { 'service.beta.kubernetes.io/aws-load-balancer-eip-allocations': 'eipalloc-0a1b2c3d4e5f60001,eipalloc-0a1b2c3d4e5f60002' };
const HTTP_HEALTH_CHECK = {
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'http',
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': '10080',
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': '/healthz',
};

function service(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Manifest {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', ...metadata }, spec: { selector: DNS_LABELS, ...spec } };
}

function nlbService(annotations: Record<string, string>, spec: Record<string, unknown> = {}): Manifest {
  return service({ type: 'LoadBalancer', ports: [UDP_53], ...spec }, {
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      ...annotations,
    },
  });
}

function deployment(container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'dns' },
    spec: {
      replicas: 2,
      selector: { matchLabels: DNS_LABELS },
      template: {
        metadata: { labels: DNS_LABELS },
        spec: {
          containers: [{
            name: 'coredns',
            image: 'coredns/coredns:1.11.1',
            ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'health', containerPort: 8080 }],
            readinessProbe: { httpGet: { path: '/health', port: 8080 } },
            ...container,
          }],
        },
      },
      ...spec,
    },
  };
}

function networkPolicy(spec: Record<string, unknown>, name = 'dns'): Manifest {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec: { podSelector: { matchLabels: DNS_LABELS }, ...spec } };
}

const DEFAULT_DENY: Manifest = {
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] },
};

function dnsEndpoint(endpoint: Record<string, unknown>): Manifest {
  return {
    apiVersion: 'externaldns.k8s.io/v1alpha1',
    kind: 'DNSEndpoint',
    metadata: { name: 'dns-srv' },
    spec: { endpoints: [{ dnsName: '_dns._udp.example.com', recordType: 'SRV', targets: ['10 100 53 dns.example.com.'], ...endpoint }] },
  };
}

// A QUIC service for the QUIC rules' examples: HTTP/3 on 443 to port 8443 of pods labelled app=web, ip targets, no NLB
// security group, an HTTP health check on the pods' port 8080; and the Deployment that runs them.
const WEB_LABELS = { app: 'web' };
const H3 = { name: 'h3', port: 443, protocol: 'UDP', targetPort: 8443 };

function quicService(annotations: Record<string, string>, ports: readonly Record<string, unknown>[] = [H3]): Manifest {
  return service({ type: 'LoadBalancer', ports, selector: WEB_LABELS }, {
    name: 'web',
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-quic-enabled-ports': '443',
      'service.beta.kubernetes.io/aws-load-balancer-disable-nlb-sg': 'true',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'http',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': '8080',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': '/health',
      ...annotations,
    },
  });
}

function quicDeployment(podAnnotations: Record<string, string> = { 'service.beta.kubernetes.io/aws-load-balancer-quic-enabled-containers': 'server' }): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: WEB_LABELS },
      template: {
        metadata: { labels: WEB_LABELS, annotations: podAnnotations },
        spec: {
          containers: [{
            name: 'server',
            image: 'envoyproxy/envoy:v1.34.1',
            ports: [{ name: 'h3', containerPort: 8443, protocol: 'UDP' }, { name: 'health', containerPort: 8080 }],
            readinessProbe: { httpGet: { path: '/health', port: 8080 } },
          }],
        },
      },
    },
  };
}

// One-way UDP (StatsD on 8125) and SIP (5060) Services and the Deployments behind them.
const STATSD_LABELS = { app: 'statsd' };
const STATSD_SERVICE = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'statsd' },
  spec: { selector: STATSD_LABELS, ports: [{ name: 'statsd', port: 8125, protocol: 'UDP' }] },
};

function statsdDeployment(spec: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'statsd' },
    spec: {
      selector: { matchLabels: STATSD_LABELS },
      template: {
        metadata: { labels: STATSD_LABELS },
        spec: {
          containers: [{
            name: 'statsd',
            image: 'statsd/statsd:v0.10.2',
            ports: [{ name: 'statsd', containerPort: 8125, protocol: 'UDP' }, { name: 'admin', containerPort: 8126 }],
            readinessProbe: { tcpSocket: { port: 8126 } },
          }],
        },
      },
      ...spec,
    },
  };
}

function hpa(minReplicas: number): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'statsd' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'statsd' }, minReplicas, maxReplicas: 4 },
  };
}

const SIP_LABELS = { app: 'sip' };
const SIP_SERVICE = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'sip' },
  spec: { selector: SIP_LABELS, ports: [{ name: 'sip', port: 5060, protocol: 'UDP' }] },
};

function sipDeployment(failureThreshold: number): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'sip' },
    spec: {
      replicas: 2,
      selector: { matchLabels: SIP_LABELS },
      template: {
        metadata: { labels: SIP_LABELS },
        spec: {
          containers: [{
            name: 'kamailio',
            image: 'kamailio/kamailio:5.8.2-bookworm',
            ports: [{ name: 'sip', containerPort: 5060, protocol: 'UDP' }, { name: 'health', containerPort: 8080 }],
            readinessProbe: { httpGet: { path: '/health', port: 8080 }, failureThreshold },
          }],
        },
      },
    },
  };
}

// Cilium LB IPAM: a game server's UDP Service and its TCP query Service, in one namespace or two.
function ciliumService(name: string, namespace: string, annotations: Record<string, string>, port: Record<string, unknown>): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, annotations },
    spec: { type: 'LoadBalancer', selector: { app: 'game' }, ports: [port] },
  };
}
const GAME_UDP = { name: 'game', port: 7777, protocol: 'UDP' };
const GAME_TCP = { name: 'query', port: 27015, protocol: 'TCP' };

/**
 * The table as a record of its ids: checks every entry against `RuleInfo`, and keeps only the ids in its type (so the
 * declaration file lists the ids, not every entry's text again).
 */
function tableOf<Id extends string>(table: Record<Id, RuleInfo>): Readonly<Record<Id, RuleInfo>> {
  return table;
}

/**
 * The rule catalog: every rule of the library in one table, by id. The rules over Kubernetes objects (`rules/`) and
 * the checks of construct props and Pulumi arguments (`model/`, `sidecar/`, `k8s/`) refer to these entries; the
 * generated docs/rules.md, `k8s-udp rules` and SARIF output are made from it.
 *
 * Ids are grouped by hundreds: UDP1xx what the API server accepts for a Service and its metadata; UDP2xx the
 * workloads behind UDP Services (ports, probes, readiness); UDP3xx mixed protocols and load-balancer providers;
 * UDP4xx DNS; UDP5xx AWS Network Load Balancers; UDP6xx the health-check sidecar; UDP7xx Gateway API L4
 * (src/core/gateway-catalog.ts); UDP8xx NetworkPolicy.
 */
const TABLE = tableOf({
  UDP101: {
    id: 'UDP101',
    severity: Severity.ERROR,
    title: 'Service port must be between 1 and 65535',
    why: 'The API server rejects the Service.',
    fix: 'Give the port a number between 1 and 65535.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [{ ...UDP_53, port: 0 }] })] },
    good: { objects: [service({ ports: [UDP_53] })] },
  },
  UDP102: {
    id: 'UDP102',
    severity: Severity.ERROR,
    title: 'nodePort must be in the cluster\'s --service-node-port-range',
    why: 'The API server refuses the Service on create: "provided port is not in the valid range".',
    fix: 'Pick a nodePort inside the cluster\'s --service-node-port-range (30000-32767 unless changed), or '
      + 'leave it unset so the cluster allocates one.',
    sources: [S.NODEPORT_ALLOCATOR],
    bad: { objects: [service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 20053 }] })] },
    good: { objects: [service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }] })] },
  },
  UDP103: {
    id: 'UDP103',
    severity: Severity.ERROR,
    title: 'nodePort only on NodePort and LoadBalancer Services',
    why: 'The API server rejects a nodePort on a ClusterIP Service.',
    fix: 'Make the Service type NodePort or LoadBalancer, or drop the nodePort.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [{ ...UDP_53, nodePort: 30053 }] })] },
    good: { objects: [service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }] })] },
  },
  UDP104: {
    id: 'UDP104',
    severity: Severity.ERROR,
    title: 'nodePort requested twice',
    why: 'Two entries with different ports cannot share a nodePort ("provided port is already allocated"), and '
      + '(protocol, nodePort) must be unique. Only the TCP and UDP entries of one port may share it.',
    fix: 'Give each port number its own nodePort; only the TCP and UDP entries of the same port may share one.',
    sources: [S.NODEPORT_ALLOCATOR],
    bad: { objects: [service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }, { name: 'metrics', port: 9153, protocol: 'UDP', nodePort: 30053 }] })] },
    good: { objects: [service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }, { ...TCP_53, nodePort: 30053 }] })] },
  },
  UDP105: {
    id: 'UDP105',
    severity: Severity.ERROR,
    title: 'Every port needs a name when a Service has more than one',
    why: 'The API server rejects a multi-port Service with an unnamed port.',
    fix: 'Name every port (a DNS-1123 label such as `dns-udp`) when the Service has more than one.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] })] },
    good: { objects: [service({ ports: [UDP_53, TCP_53] })] },
  },
  UDP106: {
    id: 'UDP106',
    severity: Severity.ERROR,
    title: 'Port name must be a DNS-1123 label',
    why: 'The API server rejects the Service.',
    fix: 'Use lower-case letters, digits and `-`, starting and ending with a letter or digit, at most 63 '
      + 'characters.',
    sources: [S.NAME_VALIDATION],
    bad: { objects: [service({ ports: [{ ...UDP_53, name: 'DNS_UDP' }] })] },
    good: { objects: [service({ ports: [{ ...UDP_53, name: 'dns-udp' }] })] },
  },
  UDP107: {
    id: 'UDP107',
    severity: Severity.ERROR,
    title: 'Port names must be unique within a Service',
    why: 'The API server rejects the Service.',
    fix: 'Give each port of the Service a name of its own.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53, { ...TCP_53, name: 'dns' }] })] },
    good: { objects: [service({ ports: [UDP_53, TCP_53] })] },
  },
  UDP108: {
    id: 'UDP108',
    severity: Severity.ERROR,
    title: '(port, protocol) must be unique within a Service',
    why: 'The API server rejects the Service.',
    fix: 'Declare each (port, protocol) pair once; TCP and UDP on one port are two entries with different '
      + 'protocols.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53, { ...UDP_53, name: 'dns-again' }] })] },
    good: { objects: [service({ ports: [UDP_53, TCP_53] })] },
  },
  UDP109: {
    id: 'UDP109',
    severity: Severity.ERROR,
    title: 'targetPort must be a port number or an IANA_SVC_NAME',
    why: 'The API server rejects the Service.',
    fix: 'Use a port number 1..65535 or the name of a container port (at most 15 characters of a-z, 0-9 and '
      + '`-`, with a letter).',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [{ ...UDP_53, targetPort: 'dns_server_port' }] })] },
    good: { objects: [service({ ports: [{ ...UDP_53, targetPort: 'dns' }] })] },
  },
  UDP110: {
    id: 'UDP110',
    severity: Severity.ERROR,
    title: 'Port protocol must be TCP, UDP or SCTP',
    why: 'The API server rejects the Service (values are case-sensitive).',
    fix: 'Write the protocol in upper case: `TCP`, `UDP` or `SCTP`.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [{ ...UDP_53, protocol: 'udp' }] })] },
    good: { objects: [service({ ports: [UDP_53] })] },
  },
  UDP111: {
    id: 'UDP111',
    severity: Severity.ERROR,
    title: 'Service name must be a DNS-1035 label',
    why: 'The API server rejects the Service: its name becomes a DNS label in the cluster domain.',
    fix: 'Name the Service with lower-case letters, digits and `-`, starting with a letter, at most 63 '
      + 'characters.',
    sources: [S.NAME_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53] }, { name: '53-dns' })] },
    good: { objects: [service({ ports: [UDP_53] }, { name: 'dns-53' })] },
  },
  UDP112: {
    id: 'UDP112',
    severity: Severity.ERROR,
    title: 'externalTrafficPolicy only on NodePort and LoadBalancer Services (or with externalIPs from 1.29)',
    why: 'The API server rejects externalTrafficPolicy on a Service no external traffic reaches. A ClusterIP Service with '
      + 'externalIPs may set it from Kubernetes 1.29 only: a 1.28 API server refuses it ("may only be set when `type` is '
      + '\'NodePort\' or \'LoadBalancer\'"), so it is refused when the cluster\'s version is known to be older.',
    fix: 'Set externalTrafficPolicy only on a NodePort or LoadBalancer Service (or one with externalIPs), to '
      + '`Cluster` or `Local`.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53], externalTrafficPolicy: 'Local' })] },
    good: { objects: [service({ type: 'NodePort', ports: [UDP_53], externalTrafficPolicy: 'Local' })] },
  },
  UDP113: {
    id: 'UDP113',
    severity: Severity.ERROR,
    title: 'healthCheckNodePort only on a LoadBalancer Service with externalTrafficPolicy Local',
    why: 'The API server rejects it elsewhere.',
    fix: 'Set healthCheckNodePort only on a LoadBalancer Service with externalTrafficPolicy Local, within the '
      + 'NodePort range; or leave it to the cluster.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ type: 'NodePort', ports: [UDP_53], externalTrafficPolicy: 'Local', healthCheckNodePort: 30080 })] },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53], externalTrafficPolicy: 'Local', healthCheckNodePort: 30080 })] },
  },
  UDP114: {
    id: 'UDP114',
    severity: Severity.ERROR,
    title: 'loadBalancerSourceRanges must be CIDRs on a LoadBalancer Service',
    why: 'The API server rejects ranges that are not CIDRs, and ranges on other types do nothing.',
    fix: 'List CIDRs such as `10.0.0.0/8`, on a LoadBalancer Service.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53], loadBalancerSourceRanges: ['10.0.0.0'] })] },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53], loadBalancerSourceRanges: ['10.0.0.0/8'] })] },
  },
  UDP115: {
    id: 'UDP115',
    severity: Severity.ERROR,
    title: 'loadBalancerClass and allocateLoadBalancerNodePorts only on a LoadBalancer Service',
    why: 'The API server rejects them on other types.',
    fix: 'Make the Service a LoadBalancer, or drop loadBalancerClass and allocateLoadBalancerNodePorts.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53], loadBalancerClass: 'service.k8s.aws/nlb' })] },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53], loadBalancerClass: 'service.k8s.aws/nlb' })] },
  },
  UDP116: {
    id: 'UDP116',
    severity: Severity.ERROR,
    title: 'sessionAffinity ClientIP timeout must be 1..86400 seconds',
    why: 'The API server rejects other timeouts. A sessionAffinityConfig without sessionAffinity ClientIP is not refused '
      + 'but dropped by the server\'s defaulting (SetDefaults_Service, pkg/apis/core/v1/defaults.go): the timeout has no effect.',
    fix: 'With sessionAffinity ClientIP, give a timeout of 1..86400 seconds; without it, drop '
      + 'sessionAffinityConfig.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } })] },
    good: { objects: [service({ ports: [UDP_53], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } })] },
  },
  UDP117: {
    id: 'UDP117',
    severity: Severity.ERROR,
    title: 'A Service needs ports unless it is headless or ExternalName',
    why: 'The API server rejects it.',
    fix: 'Give the Service at least one port, or make it headless (`clusterIP: None`).',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [] })] },
    good: { objects: [service({ clusterIP: 'None', ports: [] })] },
  },
  UDP118: {
    id: 'UDP118',
    severity: Severity.ERROR,
    title: 'internalTrafficPolicy must be Cluster or Local',
    why: 'The API server rejects other values.',
    fix: 'Set internalTrafficPolicy to `Cluster` or `Local` (case-sensitive), or leave it unset.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53], internalTrafficPolicy: 'local' })] },
    good: { objects: [service({ ports: [UDP_53], internalTrafficPolicy: 'Local' })] },
  },
  UDP119: {
    id: 'UDP119',
    severity: Severity.ERROR,
    title: 'ipFamilies must be IPv4/IPv6, distinct, and agree with ipFamilyPolicy',
    why: 'The API server rejects the Service.',
    fix: 'List IPv4 and/or IPv6 once each; two families need ipFamilyPolicy PreferDualStack or '
      + 'RequireDualStack.',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53], ipFamilies: ['IPv4', 'IPv6'] })] },
    good: { objects: [service({ ports: [UDP_53], ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'] })] },
  },
  UDP130: {
    id: 'UDP130',
    severity: Severity.ERROR,
    title: 'Label keys and values must be valid',
    why: 'The API server rejects the object.',
    fix: 'Use label keys of an optional DNS prefix and a name of at most 63 characters, and values of at most '
      + '63 characters of letters, digits, `-`, `_` and `.`.',
    sources: [S.NAME_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53] }, { labels: { 'app.kubernetes.io/name': 'core dns' } })] },
    good: { objects: [service({ ports: [UDP_53] }, { labels: { 'app.kubernetes.io/name': 'coredns' } })] },
  },
  UDP131: {
    id: 'UDP131',
    severity: Severity.ERROR,
    title: 'Annotation keys must be valid and annotations at most 256 KiB in all',
    why: 'The API server rejects the object.',
    fix: 'Use annotation keys of an optional DNS prefix and a name (letters, digits, `-`, `_`, `.`), and keep '
      + 'all annotations of an object under 256 KiB.',
    sources: [S.OBJECT_META_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53] }, { annotations: { 'example.com/owner team': 'dns' } })] },
    good: { objects: [service({ ports: [UDP_53] }, { annotations: { 'example.com/owner-team': 'dns' } })] },
  },
  UDP132: {
    id: 'UDP132',
    severity: Severity.ERROR,
    title: 'Namespace must be a DNS-1123 label',
    why: 'The API server rejects the object.',
    fix: 'Name the namespace with lower-case letters, digits and `-`, at most 63 characters.',
    sources: [S.NAME_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53] }, { namespace: 'Kube_DNS' })] },
    good: { objects: [service({ ports: [UDP_53] }, { namespace: 'kube-dns' })] },
  },
  UDP133: {
    id: 'UDP133',
    severity: Severity.ERROR,
    title: 'Object name must be a DNS-1123 subdomain',
    why: 'The API server rejects the object (a Service name is stricter: UDP111).',
    fix: 'Name the object with lower-case letters, digits, `-` and `.`, at most 253 characters.',
    sources: [S.NAME_VALIDATION],
    bad: { objects: [{ ...deployment(), metadata: { name: 'CoreDNS' } }] },
    good: { objects: [deployment()] },
  },
  UDP140: {
    id: 'UDP140',
    severity: Severity.ERROR,
    title: 'A Service selector can only match labels',
    why: 'spec.selector is a map of labels: a selection made with label expressions (In, NotIn, Exists) cannot '
      + 'be expressed, and dropping the expressions would select more pods than meant.',
    fix: 'Select the pods by labels only: give the Service a workload or a label selector without expressions '
      + '(In, NotIn, Exists).',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  selector: kplus.Pods.select(chart, 'pods', { expressions: [kplus.LabelExpression.in('app', ['dns'])] }),
  ports: [{ port: 53 }],
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, ports: [{ port: 53 }] });`,
    },
  },
  UDP141: {
    id: 'UDP141',
    severity: Severity.ERROR,
    title: 'A nodePort requested by two Services',
    why: 'NodePorts come from one cluster-wide allocator, whatever the protocol: the second Service is refused '
      + 'with "provided port is already allocated". Only the TCP and UDP entries of one port in one Service '
      + 'may share a nodePort.',
    fix: 'Give each Service its own nodePorts, or leave them unset so the cluster allocates free ones.',
    sources: [S.NODEPORT_ALLOCATOR],
    bad: { objects: [service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }] }), service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }] }, { name: 'dns-backup' })] },
    good: { objects: [service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }] }), service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30054 }] }, { name: 'dns-backup' })] },
  },
  UDP142: {
    id: 'UDP142',
    severity: Severity.ERROR,
    title: 'A selector object must be a cdk8s-plus 28-33 workload, a pod selector or labels',
    why: 'A Service in front of a UDP server must also make the pods right for UDP: container ports declared UDP and '
      + 'no TCP startup probe on a UDP-only port, or the pods crash-loop. An object the library cannot adjust (a '
      + 'workload of another cdk8s-plus major, a hand-made Deployment object, an unknown class) is refused rather than '
      + 'read as bare labels.',
    fix: 'Select the pods with a workload of cdk8s-plus 28 to 33, a cdk8s-plus pod selector (`Pods.select`), or labels.',
    sources: [S.CDK8S_PLUS],
    bad: {
      code: `
new UdpService(chart, 'dns', { selector: new kplus.ConfigMap(chart, 'config') as never, ports: [{ port: 53 }] });`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, ports: [{ port: 53 }] });`,
    },
  },
  UDP143: {
    id: 'UDP143',
    severity: Severity.ERROR,
    title: 'provider must be a LoadBalancerProvider',
    why: 'The provider decides the annotations, the class and whether TCP and UDP fit in one Service; a value that is '
      + 'none (a name such as "aws" from a configuration file) would leave all of that out without a word.',
    fix: 'Use a factory of `LoadBalancerProvider` (`awsLoadBalancerController()`, `awsInTree()`, `gke()`, `aks()`, '
      + '`metalLb()`, `generic()`), or read a name with `LoadBalancerProvider.parse("aws-lbc:2.13")`.',
    sources: [S.MIXED_PROTOCOL_LB],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: 'aws' as unknown as LoadBalancerProvider,
  ports: [{ port: 53 }],
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.parse('aws-lbc:2.13'),
  ports: [{ port: 53 }],
});`,
    },
  },
  UDP144: {
    id: 'UDP144',
    severity: Severity.ERROR,
    title: 'healthNodePort needs a NodePort or LoadBalancer Service',
    why: 'A health NodePort is checked by a load balancer outside the cluster that sends the UDP traffic to the nodes; '
      + 'a ClusterIP Service has no such load balancer, and the NodePort would open every node for nothing.',
    fix: 'Make the Service a NodePort or LoadBalancer one, or drop `healthNodePort`.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, ports: [{ port: 53 }], healthNodePort: { targetPort: 8080 } });`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.NODE_PORT,
  externalTrafficPolicy: TrafficPolicy.LOCAL,
  ports: [{ port: 53 }],
  healthNodePort: { targetPort: 8080 },
});`,
    },
  },
  UDP145: {
    id: 'UDP145',
    severity: Severity.ERROR,
    title: 'A health NodePort with Cluster policy for a UDP Service with Local policy',
    why: 'With externalTrafficPolicy Local, a node without a ready pod drops the UDP Service\'s traffic; a health Service '
      + 'of the same pods with Cluster policy still answers on that node (kube-proxy forwards the check to another node), '
      + 'so the load balancer keeps sending UDP to a node that drops it.',
    fix: 'Set `externalTrafficPolicy: Local` on the health Service, or let `UdpService` or `DualProtocolEndpoint` make it '
      + 'with `healthNodePort`.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      objects: [
        service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ ...UDP_53, nodePort: 30053 }] }),
        service({ type: 'NodePort', ports: [{ name: 'health', port: 8080, protocol: 'TCP', nodePort: 30080 }] }, { name: 'dns-health' }),
      ],
    },
    good: {
      objects: [
        service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ ...UDP_53, nodePort: 30053 }] }),
        service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'health', port: 8080, protocol: 'TCP', nodePort: 30080 }] }, { name: 'dns-health' }),
      ],
    },
  },
  UDP146: {
    id: 'UDP146',
    severity: Severity.ERROR,
    title: 'A Service prop of the wrong type',
    why: 'A value of another type (a string "false" for a boolean, a name for an enum-like class, a number for a list) '
      + 'would be emitted as something the API server refuses, or dropped without a word.',
    fix: 'Give the prop the type its props interface says: an object for `metadata`, `true` or `false` for a switch, '
      + 'the enum-like class\'s value for `sessionAffinity`, a list for `ports`.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, metadata: 'dns' as never, ports: [{ port: 53 }] });`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, metadata: { name: 'dns' }, ports: [{ port: 53 }] });`,
    },
  },
  UDP150: {
    id: 'UDP150',
    severity: Severity.WARNING,
    title: 'One-way UDP Service (StatsD, syslog) that can scale to zero endpoints',
    why: 'From Kubernetes 1.32 kube-proxy\'s conntrack reconciler skipped UDP Services with no endpoints: a sender '
      + 'that never gets a reply (StatsD, syslog) keeps its conntrack entry to the deleted pod, and every datagram '
      + 'refreshes it, so everything it sends is lost for hours, until a pod comes back (kubernetes #139628, fixed by '
      + '#139629 in 2026).',
    fix: 'Keep at least one replica (`minReplicas: 1`, `replicas` above 0) for StatsD and syslog receivers, or run a '
      + 'kube-proxy that has the fix.',
    sources: [S.CONNTRACK_SCALE_TO_ZERO, S.CONNTRACK_SCALE_TO_ZERO_FIX, S.CONNTRACK_RECONCILER, S.KEDA_SCALED_OBJECT],
    bad: { objects: [STATSD_SERVICE, statsdDeployment(), hpa(0)] },
    good: { objects: [STATSD_SERVICE, statsdDeployment(), hpa(1)] },
  },
  UDP151: {
    id: 'UDP151',
    severity: Severity.WARNING,
    title: 'SIP pods that turn not ready on a single failed readiness check',
    why: 'kube-proxy flushes the UDP conntrack entries of an endpoint as soon as it is not ready: the replies of SIP '
      + 'transactions in flight (100 Trying, 180 Ringing, 200 OK) no longer reach the caller. Kubernetes keeps this '
      + 'behaviour (kubernetes #137986 was closed unmerged), so one slow check cuts every call being set up.',
    fix: 'Let readiness fail only when the SIP server cannot serve: `failureThreshold` 3 or more (the default), and '
      + 'shed load in the SIP server itself rather than through readiness.',
    sources: [S.CONNTRACK_NOT_READY, S.CONNTRACK_RECONCILER],
    bad: { objects: [SIP_SERVICE, sipDeployment(1)] },
    good: { objects: [SIP_SERVICE, sipDeployment(3)] },
  },
  UDP201: {
    id: 'UDP201',
    severity: Severity.ERROR,
    title: 'A named targetPort of a UDP port must name a UDP container port',
    why: 'A named targetPort is resolved by name and protocol: with no UDP container port of that name, the '
      + 'Service has no endpoints for that port and every datagram is dropped.',
    fix: 'Declare the named container port with protocol UDP; a TCP twin on the same number needs another '
      + 'name.',
    sources: [S.FIND_PORT],
    bad: { objects: [service({ ports: [{ ...UDP_53, targetPort: 'dns-tcp' }] }), deployment({ ports: [{ name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'health', containerPort: 8080 }] })] },
    good: { objects: [service({ ports: [{ ...UDP_53, targetPort: 'dns' }] }), deployment()] },
  },
  UDP202: {
    id: 'UDP202',
    severity: Severity.WARNING,
    title: 'A UDP target port declared only as a TCP container port',
    why: 'Traffic still flows, but everything that reads container ports (probes that cdk8s-plus derives from '
      + 'them, NetworkPolicies written from them, people) is told TCP.',
    fix: 'Declare the container port with protocol UDP (and add a second entry if it serves TCP too).',
    sources: [S.SERVICE_VALIDATION],
    bad: { objects: [service({ ports: [UDP_53] }), deployment({ ports: [{ name: 'dns', containerPort: 53 }, { name: 'health', containerPort: 8080 }] })] },
    good: { objects: [service({ ports: [UDP_53] }), deployment()] },
  },
  UDP203: {
    id: 'UDP203',
    severity: Severity.ERROR,
    title: 'TCP, HTTP or gRPC probe on a UDP-only port',
    why: 'Kubernetes has no UDP probe: tcpSocket, httpGet and grpc probes all open a TCP connection, which a port that '
      + 'only a UDP socket holds always refuses, so a startup or liveness probe crash-loops the pod and a readiness '
      + 'probe keeps it out of the endpoints forever.',
    fix: 'Probe a TCP or HTTP port that reflects the UDP server\'s health: the UDP health-check sidecar '
      + '(`UdpHealthCheck`) with an httpGet readinessProbe on it, or an exec probe.',
    sources: [S.PROBES],
    bad: { objects: [service({ ports: [UDP_53] }), deployment({ readinessProbe: { tcpSocket: { port: 53 } } })] },
    good: { objects: [service({ ports: [UDP_53] }), deployment()] },
  },
  UDP204: {
    id: 'UDP204',
    severity: Severity.WARNING,
    title: 'UDP workload with no readiness signal',
    why: 'kube-proxy sends UDP to every endpoint it believes ready and cleans stale conntrack entries only for '
      + 'endpoints that stop being ready: without a readinessProbe a dead UDP server keeps receiving '
      + 'datagrams.',
    fix: 'Add a readinessProbe that fails when the UDP server is dead: the UDP health-check sidecar '
      + '(`UdpHealthCheck.addTo`) or an exec probe.',
    sources: [S.CONNTRACK],
    bad: { objects: [service({ ports: [UDP_53] }), deployment({ readinessProbe: undefined })] },
    good: { objects: [service({ ports: [UDP_53] }), deployment()] },
  },
  UDP205: {
    id: 'UDP205',
    severity: Severity.WARNING,
    title: 'A single replica behind a UDP Service',
    why: 'While the one pod restarts, every datagram is lost, and UDP clients rarely retry the way TCP would.',
    fix: 'Run two replicas or more (or scale with a HorizontalPodAutoscaler); where one replica is meant, '
      + 'silence UDP205 on the workload.',
    sources: [S.CONNTRACK],
    bad: { objects: [service({ ports: [UDP_53] }), deployment({}, { replicas: 1 })] },
    good: { objects: [service({ ports: [UDP_53] }), deployment()] },
  },
  UDP206: {
    id: 'UDP206',
    severity: Severity.ERROR,
    title: 'TCP probe on a port that only UDP Services reach and that is declared with no protocol',
    why: 'A container port written without a protocol is TCP. When only UDP Services send traffic to it, the server '
      + 'behind it is a UDP server, and a TCP, HTTP or gRPC probe on that port never passes: a startup or liveness '
      + 'probe crash-loops the pod. This is what cdk8s-plus emits from `portNumber` (a TCP port and a TCP startup '
      + 'probe) when nothing adjusts the workload for UDP.',
    fix: 'Declare the port with protocol UDP and drop the TCP probe (the constructs do both for cdk8s-plus workloads); '
      + 'silence UDP206 if the server also listens on TCP there.',
    sources: [S.PROBES],
    bad: { objects: [service({ ports: [UDP_53] }), deployment({ ports: [{ name: 'dns', containerPort: 53 }, { name: 'health', containerPort: 8080 }], startupProbe: { tcpSocket: { port: 53 } } })] },
    good: { objects: [service({ ports: [UDP_53] }), deployment()] },
  },
  UDP301: {
    id: 'UDP301',
    severity: Severity.ERROR,
    title: 'TCP and UDP in one LoadBalancer Service before Kubernetes 1.24',
    why: 'MixedProtocolLBService is alpha and off by default in 1.20-1.23: the API server refuses the Service '
      + 'with "may not contain more than 1 protocol when type is \'LoadBalancer\'". Split it into a TCP and a '
      + 'UDP Service.',
    fix: 'Split TCP and UDP into two LoadBalancer Services (`DualProtocolEndpoint` does it), or upgrade the '
      + 'cluster to 1.24 or later.',
    sources: [S.MIXED_PROTOCOL_LB],
    bad: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53, TCP_53] })], kubernetesVersion: '1.23' },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }), service({ type: 'LoadBalancer', ports: [TCP_53] }, { name: 'dns-tcp' })], kubernetesVersion: '1.23' },
  },
  UDP302: {
    id: 'UDP302',
    severity: Severity.ERROR,
    title: 'TCP and UDP in one LoadBalancer Service on a load balancer that cannot carry both',
    why: 'The Service is accepted, but the load balancer is not built (in-tree AWS: "mixed protocol is not '
      + 'supported for LoadBalancer") or carries one protocol only.',
    fix: 'Split TCP and UDP into two Services (`DualProtocolEndpoint` does it), or use a load balancer that '
      + 'carries both in one Service (the AWS Load Balancer Controller 2.13 or later with its TCP_UDP '
      + 'listener).',
    sources: [S.AWS_IN_TREE, S.GKE_MIXED_PROTOCOL, S.GKE_LOAD_BALANCER_CLASS, S.METALLB_RELEASES, S.KUBE_VIP_MIXED_PROTOCOL],
    bad: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53, TCP_53] })], provider: 'aws-in-tree' },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }), service({ type: 'LoadBalancer', ports: [TCP_53] }, { name: 'dns-tcp' })], provider: 'aws-in-tree' },
  },
  UDP303: {
    id: 'UDP303',
    severity: Severity.ERROR,
    title: 'TCP and UDP on one port behind the AWS Load Balancer Controller without the TCP_UDP listener opt-in',
    why: 'Without `aws-load-balancer-enable-tcp-udp-listener: "true"` (controller 2.13 or later) the '
      + 'controller builds a listener for one protocol of the pair and silently drops the other '
      + '(aws-load-balancer-controller #4405).',
    fix: 'Add the annotation `service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener: "true"` '
      + '(controller 2.13 or later), or split the protocols into two Services.',
    sources: [S.LBC_ANNOTATIONS],
    bad: { objects: [nlbService({}, { ports: [UDP_53, TCP_53] })] },
    good: { objects: [nlbService({ 'service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener': 'true' }, { ports: [UDP_53, TCP_53] })] },
  },
  UDP310: {
    id: 'UDP310',
    severity: Severity.ERROR,
    title: 'kubernetesVersion must be a Kubernetes version',
    why: 'Whether TCP and UDP fit in one LoadBalancer Service depends on it.',
    fix: 'Give `KubernetesVersion.of(\'1.28\')` (or a string such as `1.28`, `v1.28.3`).',
    sources: [S.MIXED_PROTOCOL_LB],
    bad: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  kubernetesVersion: KubernetesVersion.of('latest'),
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  kubernetesVersion: KubernetesVersion.of('1.28'),
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
  },
  UDP311: {
    id: 'UDP311',
    severity: Severity.ERROR,
    title: 'mixedProtocol SINGLE where the cluster cannot carry TCP and UDP in one Service',
    why: 'The API server refuses it (before 1.24), or the load balancer drops one protocol or is never built.',
    fix: 'Leave `mixedProtocol` at AUTO (the endpoint splits where it must), or run a cluster and load '
      + 'balancer that carry TCP and UDP in one Service.',
    sources: [S.MIXED_PROTOCOL_LB],
    bad: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  kubernetesVersion: KubernetesVersion.of('1.23'),
  mixedProtocol: MixedProtocolMode.SINGLE,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  kubernetesVersion: KubernetesVersion.of('1.23'),
  mixedProtocol: MixedProtocolMode.AUTO,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
  },
  UDP312: {
    id: 'UDP312',
    severity: Severity.ERROR,
    title: 'A load-balancer provider option given to a provider that does not read it',
    why: 'Each implementation reads only its own annotations: a MetalLB sharing key on AWS does nothing, and '
      + 'the address the user expects to share is never shared.',
    fix: 'Give each provider only its own options (the factory\'s options type lists them), or pick the '
      + 'provider the option belongs to.',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsLoadBalancerController({ sharingKey: 'dns' } as never),
  ports: [{ port: 53 }],
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.metalLb({ sharingKey: 'dns' }),
  ports: [{ port: 53 }],
});`,
    },
  },
  UDP313: {
    id: 'UDP313',
    severity: Severity.ERROR,
    title: 'A load-balancer controller version must be a release number',
    why: 'What one Service may carry depends on the controller version.',
    fix: 'Give the controller\'s release number, such as `2.13` or `v2.13.0`.',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: 'latest' }),
  ports: [{ port: 53 }],
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
  ports: [{ port: 53 }],
});`,
    },
  },
  UDP314: {
    id: 'UDP314',
    severity: Severity.ERROR,
    title: 'tcpNodePort only on a split endpoint',
    why: 'In one Service the TCP and UDP entries of a port share one nodePort (the AWS TCP_UDP listener needs '
      + 'it); tcpNodePort names the TCP Service\'s own nodePort when the endpoint is split.',
    fix: 'Drop `tcpNodePort` where the endpoint is one Service (the TCP and UDP entries share `nodePort`), or '
      + 'make the endpoint split.',
    sources: [S.NODEPORT_ALLOCATOR],
    bad: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.NODE_PORT,
  ports: [{ name: 'dns', port: 53, nodePort: 30053, tcpNodePort: 30054 }],
});`,
    },
    good: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.NODE_PORT,
  ports: [{ name: 'dns', port: 53, nodePort: 30053 }],
});`,
    },
  },
  UDP320: {
    id: 'UDP320',
    severity: Severity.ERROR,
    title: 'Two Services request the same Cilium LB IPAM address without one sharing key',
    why: 'Cilium\'s LB IPAM gives an address requested with `lbipam.cilium.io/ips` to one Service only, unless the '
      + 'Services carry the same `lbipam.cilium.io/sharing-key` (and use different ports): the other Service stays '
      + 'pending, with no address.',
    fix: 'Give both Services the same `lbipam.cilium.io/sharing-key` (`LoadBalancerProvider.cilium({ sharingKey })`), '
      + 'or request different addresses.',
    sources: [S.CILIUM_LB_IPAM],
    bad: {
      objects: [
        ciliumService('game-udp', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10' }, GAME_UDP),
        ciliumService('game-tcp', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10' }, GAME_TCP),
      ],
    },
    good: {
      objects: [
        ciliumService('game-udp', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10', 'lbipam.cilium.io/sharing-key': 'game' }, GAME_UDP),
        ciliumService('game-tcp', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10', 'lbipam.cilium.io/sharing-key': 'game' }, GAME_TCP),
      ],
    },
  },
  UDP321: {
    id: 'UDP321',
    severity: Severity.ERROR,
    title: 'Cilium LB IPAM sharing across namespaces without the annotation on both Services',
    why: 'LB IPAM shares a sharing key\'s address between namespaces only when both Services list the other\'s '
      + 'namespace (or `*`) in `lbipam.cilium.io/sharing-cross-namespace`: otherwise each gets its own address, and '
      + 'clients of the shared one miss half the ports.',
    fix: 'Add `lbipam.cilium.io/sharing-cross-namespace` with the other namespace (or `*`) to both Services '
      + '(`LoadBalancerProvider.cilium({ sharingCrossNamespace })`).',
    sources: [S.CILIUM_LB_IPAM],
    bad: {
      objects: [
        ciliumService('game-udp', 'games', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/sharing-cross-namespace': 'query' }, GAME_UDP),
        ciliumService('game-tcp', 'query', { 'lbipam.cilium.io/sharing-key': 'game' }, GAME_TCP),
      ],
    },
    good: {
      objects: [
        ciliumService('game-udp', 'games', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/sharing-cross-namespace': 'query' }, GAME_UDP),
        ciliumService('game-tcp', 'query', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/sharing-cross-namespace': 'games' }, GAME_TCP),
      ],
    },
  },
  UDP322: {
    id: 'UDP322',
    severity: Severity.WARNING,
    title: 'AKS UDP port that no health probe covers',
    why: 'The Azure cloud provider creates no health probe for a UDP port of an `externalTrafficPolicy: Cluster` '
      + 'Service, whatever its `appProtocol` or probe request-path annotation: the load balancer keeps sending datagrams to every node, '
      + 'healthy or not. Only kube-proxy\'s healthCheckNodePort (Local policy) or the cluster\'s shared health probe '
      + 'cover it.',
    fix: 'Use `externalTrafficPolicy: Local` (the load balancer then probes kube-proxy\'s healthCheckNodePort), or turn '
      + 'on the shared health probe of the cluster (`clusterServiceLoadBalancerHealthProbeMode: shared`) and say so '
      + 'with `LoadBalancerProvider.aks({ sharedHealthProbe: true })` or `--provider aks:shared-probe`.',
    sources: [S.AKS_HEALTH_PROBES, S.AKS_SHARED_PROBE],
    bad: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }), deployment()], provider: 'aks' },
    good: { objects: [service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [UDP_53] }), deployment()], provider: 'aks' },
  },
  UDP323: {
    id: 'UDP323',
    severity: Severity.ERROR,
    title: 'TCP and UDP in one GKE Service over IPv6 before GKE 1.36.2-gke.1498000',
    why: 'From 1.34.1-gke.2190000 GKE carries TCP and UDP in one external LoadBalancer Service over IPv4 only; IPv6 '
      + 'and dual-stack mixed-protocol Services (and internal ones) need 1.36.2-gke.1498000 or later.',
    fix: 'Keep the mixed Service on IPv4 (`ipFamilies: [IPv4]`, SingleStack), split it into two Services, or upgrade '
      + 'the cluster to GKE 1.36.2-gke.1498000 or later.',
    sources: [S.GKE_MIXED_PROTOCOL],
    bad: {
      objects: [service({ type: 'LoadBalancer', loadBalancerClass: 'networking.gke.io/l4-regional-external', ipFamilies: ['IPv6'], ports: [UDP_53, TCP_53] })],
      provider: 'gke:backend-service:1.34.1-gke.2190000',
    },
    good: {
      objects: [service({ type: 'LoadBalancer', loadBalancerClass: 'networking.gke.io/l4-regional-external', ipFamilies: ['IPv4'], ports: [UDP_53, TCP_53] })],
      provider: 'gke:backend-service:1.34.1-gke.2190000',
    },
  },
  UDP324: {
    id: 'UDP324',
    severity: Severity.ERROR,
    title: 'A provider\'s address, namespace or sharing key that is not one',
    why: 'MetalLB, Cilium LB IPAM and kube-vip read the requested addresses as a comma-separated list of IP '
      + 'addresses, and Cilium the namespaces it may share an address with as namespace names: an entry that is neither '
      + 'leaves the Service pending, with no address; an empty sharing key shares nothing.',
    fix: 'Give IP addresses (`192.0.2.10`, `2001:db8::10`) in `loadBalancerIps` (an IPv4 address in AKS\'s '
      + '`ipv4Address`), namespace names or `*` in `sharingCrossNamespace`, and a non-empty `sharingKey`.',
    sources: [S.CILIUM_LB_IPAM, S.METALLB, S.KUBE_VIP],
    bad: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.cilium({ loadBalancerIps: ['192.0.2.300'] }),
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new DualProtocolEndpoint(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.cilium({ loadBalancerIps: ['192.0.2.10'] }),
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
  },
  UDP401: {
    id: 'UDP401',
    severity: Severity.ERROR,
    title: 'Hostname must be a DNS name',
    why: 'DNS names are at most 253 characters of labels of 1..63 letters, digits and hyphens; ExternalDNS '
      + 'drops an endpoint with a longer label and the DNS provider refuses the rest.',
    fix: 'Use a DNS name: labels of 1..63 letters, digits and hyphens separated by dots, at most 253 '
      + 'characters.',
    sources: [S.DNS_NAMES],
    bad: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example..com',
  targets: [{ host: 'kdc.example.com', port: 88 }],
});`,
    },
    good: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }],
});`,
    },
  },
  UDP402: {
    id: 'UDP402',
    severity: Severity.ERROR,
    title: 'TTL must be 1..2147483647 seconds',
    why: 'ExternalDNS ignores a TTL outside 1..2147483647 and Route 53 refuses it.',
    fix: 'Give a TTL of 1..2147483647 whole seconds (`Duration.minutes(5)`, or `300`), or leave it unset for '
      + 'the DNS provider\'s default.',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    bad: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }],
  ttl: 0,
});`,
    },
    good: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }],
  ttl: Duration.minutes(5),
});`,
    },
  },
  UDP403: {
    id: 'UDP403',
    severity: Severity.ERROR,
    title: 'SRV service must be a service name (1..15 letters, digits, hyphens)',
    why: 'The SRV record name is `_service._proto.domain`; clients look up registered service names (RFC '
      + '6335).',
    fix: 'Use the registered service name (RFC 6335): 1..15 letters, digits and hyphens, such as `kerberos`, '
      + '`ldap`, `sip`.',
    sources: [S.RFC6335_SERVICE_NAME],
    bad: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos-master-kdc',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }],
});`,
    },
    good: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos-adm',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 749 }],
});`,
    },
  },
  UDP404: {
    id: 'UDP404',
    severity: Severity.ERROR,
    title: 'SRV protocol must be udp or tcp',
    why: 'The SRV record name is `_service._udp.domain` or `_service._tcp.domain`; clients look up nothing '
      + 'else here.',
    fix: 'Use `SrvProtocol.UDP` or `SrvProtocol.TCP`.',
    sources: [S.RFC2782],
    bad: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: 'sctp' as SrvProtocol,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }],
});`,
    },
    good: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }],
});`,
    },
  },
  UDP405: {
    id: 'UDP405',
    severity: Severity.ERROR,
    title: 'SRV priority, weight and port must be 0..65535',
    why: 'They are 16-bit fields; ExternalDNS drops an SRV endpoint whose numbers do not parse as uint16.',
    fix: 'Keep priority, weight and port within 0..65535.',
    sources: [S.EXTERNALDNS_ENDPOINT],
    bad: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88, weight: 100000 }],
});`,
    },
    good: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88, weight: 100 }],
});`,
    },
  },
  UDP406: {
    id: 'UDP406',
    severity: Severity.ERROR,
    title: 'SRV record needs a host to point at',
    why: 'An SRV target is `priority weight port host.`: without a hostname there is nothing to publish.',
    fix: 'Give the record at least one target `{ host, port }`, in `targets` or with `addTarget()`; on an '
      + 'endpoint, give `dns.hostname`.',
    sources: [S.RFC2782],
    bad: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
});`,
    },
    good: {
      code: `
const record = new SrvRecord(chart, 'kerberos', {
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
});
record.addTarget({ host: 'kdc.example.com', port: 88 });`,
    },
  },
  UDP407: {
    id: 'UDP407',
    severity: Severity.ERROR,
    title: 'ExternalDNS hostname or ttl given both as a prop and as an annotation in metadata',
    why: 'Only one can be written: the annotation in metadata wins, and the prop would be silently ignored.',
    fix: 'Set the hostname and TTL either as props or as annotations in `metadata`, not both.',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  metadata: { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'ns1.example.com' } },
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  hostname: 'dns.example.com',
  ports: [{ port: 53 }],
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  hostname: ['dns.example.com', 'ns1.example.com'],
  ports: [{ port: 53 }],
});`,
    },
  },
  UDP408: {
    id: 'UDP408',
    severity: Severity.ERROR,
    title: 'externalDnsPrefix must be ExternalDnsPrefix.BOTH, ALPHA or STABLE',
    why: 'ExternalDNS reads only external-dns.alpha.kubernetes.io/ (up to v0.21) or '
      + 'external-dns.kubernetes.io/ (from v0.22.0): annotations under any other prefix publish nothing.',
    fix: 'Use `ExternalDnsPrefix.BOTH` (the default), `ALPHA` or `STABLE`.',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  hostname: 'dns.example.com',
  externalDnsPrefix: 'beta' as ExternalDnsPrefix,
  ports: [{ port: 53 }],
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  hostname: 'dns.example.com',
  externalDnsPrefix: ExternalDnsPrefix.STABLE,
  ports: [{ port: 53 }],
});`,
    },
  },
  UDP409: {
    id: 'UDP409',
    severity: Severity.ERROR,
    title: 'hostname on a split endpoint whose two Services get two addresses',
    why: 'The TCP and the UDP Service each get their own load balancer and address (AWS): one name cannot '
      + 'point at both, so ExternalDNS publishes one of them and the clients of the other protocol reach the '
      + 'wrong address. Clients find both through SRV records (`dns`), each pointing at a per-protocol '
      + 'hostname.',
    fix: 'Use `dns: { service, hostname }`: each Service then publishes its own name (`tcp.<hostname>`, '
      + '`udp.<hostname>`) and SRV records point clients at both; or use a provider that shares one address.',
    sources: [S.RFC2782],
    bad: {
      code: `
new DualProtocolEndpoint(chart, 'kerberos', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsInTree(),
  hostname: 'kdc.example.com',
  ports: [{ name: 'kerberos', port: 88 }],
});`,
    },
    good: {
      code: `
new DualProtocolEndpoint(chart, 'kerberos', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsInTree(),
  dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com' },
  ports: [{ name: 'kerberos', port: 88 }],
});`,
    },
  },
  UDP410: {
    id: 'UDP410',
    severity: Severity.ERROR,
    title: 'dns.port must be a port of the endpoint',
    why: 'The SRV records tell clients which port to connect to: a port the endpoint does not serve sends them '
      + 'nowhere.',
    fix: 'Set `dns.port` to one of the endpoint\'s ports, or leave it unset for the first.',
    sources: [S.RFC2782],
    bad: {
      code: `
new DualProtocolEndpoint(chart, 'kerberos', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsInTree(),
  dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com', port: 750 },
  ports: [{ name: 'kerberos', port: 88 }],
});`,
    },
    good: {
      code: `
new DualProtocolEndpoint(chart, 'kerberos', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsInTree(),
  dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com', port: 88 },
  ports: [{ name: 'kerberos', port: 88 }],
});`,
    },
  },
  UDP411: {
    id: 'UDP411',
    severity: Severity.WARNING,
    title: 'hostname on a ClusterIP Service is published only with --publish-internal-services',
    why: 'ExternalDNS\'s service source skips a (non-headless) ClusterIP Service unless it runs with '
      + '--publish-internal-services, and then publishes the cluster IP, reachable only from inside the '
      + 'cluster.',
    fix: 'Make the Service a LoadBalancer (or NodePort) so its public address is published, or run '
      + 'ExternalDNS with `--publish-internal-services` and silence UDP411.',
    sources: [S.EXTERNALDNS_SERVICE_SOURCE],
    bad: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, hostname: 'dns.example.com', ports: [{ port: 53 }] });`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.LOAD_BALANCER,
  hostname: 'dns.example.com',
  ports: [{ port: 53 }],
});`,
    },
  },
  UDP412: {
    id: 'UDP412',
    severity: Severity.WARNING,
    title: 'SRV service name that clients do not look up',
    why: 'Clients look up the IANA-registered service name: DNS is registered as "domain" (_domain._udp), the KDC as '
      + '"kerberos". A record under a common name such as _dns._udp is published, and never found.',
    fix: 'Use the registered name: `domain` for DNS, `kerberos` for a KDC (`kdc`, `krb5`).',
    sources: [S.RFC6335_SERVICE_NAME],
    bad: {
      code: `
new SrvRecord(chart, 'dns', {
  service: 'dns',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'ns1.example.com', port: 53 }],
});`,
    },
    good: {
      code: `
new SrvRecord(chart, 'dns', {
  service: 'domain',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'ns1.example.com', port: 53 }],
});`,
    },
  },
  UDP430: {
    id: 'UDP430',
    severity: Severity.ERROR,
    title: 'DNSEndpoint SRV targets in the form the ExternalDNS release publishes',
    why: 'ExternalDNS publishes a DNSEndpoint SRV record only when its targets have the form its release expects, '
      + 'and otherwise drops it with only a warning in its log: the record is never published and clients find no '
      + 'server. v0.22.0 and later need the trailing dot (`10 100 53 dns.example.com.`); v0.20.0 and earlier skip '
      + 'a dotted target as an illegal target format; v0.21.x publishes neither form.',
    fix: 'End the host of every SRV target with a dot and run ExternalDNS v0.22.0 or later (`SrvRecord` does so by '
      + 'default); for v0.20.0 and earlier, say so (`externalDnsVersion: \'0.20\'`, `--external-dns-version 0.20`) '
      + 'and write the targets without the dot.',
    sources: [S.EXTERNALDNS_ENDPOINT, S.EXTERNALDNS_SRV_DOTTED],
    bad: { objects: [dnsEndpoint({ targets: ['10 100 53 dns.example.com'] })] },
    good: { objects: [dnsEndpoint({ targets: ['10 100 53 dns.example.com.'] })] },
  },
  UDP431: {
    id: 'UDP431',
    severity: Severity.ERROR,
    title: 'DNSEndpoint SRV target must be "priority weight port host." with numbers 0..65535',
    why: 'ExternalDNS drops an SRV endpoint whose target does not have four fields or whose priority, weight '
      + 'or port does not parse as a 16-bit number; the DNS provider refuses a host that is not a DNS name.',
    fix: 'Write each SRV target as four fields, `priority weight port host.`, with numbers 0..65535 and a DNS '
      + 'name.',
    sources: [S.EXTERNALDNS_ENDPOINT],
    bad: { objects: [dnsEndpoint({ targets: ['10 100 dns.example.com.'] })] },
    good: { objects: [dnsEndpoint({ targets: ['10 100 53 dns.example.com.'] })] },
  },
  UDP432: {
    id: 'UDP432',
    severity: Severity.ERROR,
    title: 'DNSEndpoint SRV dnsName must be _service._proto.domain',
    why: 'Clients look SRV records up as _service._udp.domain or _service._tcp.domain (RFC 2782): a record '
      + 'under any other name is never found.',
    fix: 'Name the SRV record `_service._udp.domain` or `_service._tcp.domain`.',
    sources: [S.RFC2782],
    bad: { objects: [dnsEndpoint({ dnsName: 'dns.example.com' })] },
    good: { objects: [dnsEndpoint({ dnsName: '_dns._udp.example.com' })] },
  },
  UDP433: {
    id: 'UDP433',
    severity: Severity.ERROR,
    title: 'DNSEndpoint dnsName must be a DNS name and recordTTL 1..2147483647 seconds',
    why: 'The DNS provider refuses a name that is not a DNS name (ExternalDNS then retries it forever), and '
      + 'ExternalDNS ignores a TTL outside 1..2147483647 seconds.',
    fix: 'Use a DNS name for dnsName and a recordTTL of 1..2147483647 seconds.',
    sources: [S.DNS_NAMES],
    bad: { objects: [dnsEndpoint({ recordTTL: -1 })] },
    good: { objects: [dnsEndpoint({ recordTTL: 300 })] },
  },
  UDP434: {
    id: 'UDP434',
    severity: Severity.ERROR,
    title: 'ExternalDNS hostname annotation must list DNS names',
    why: 'ExternalDNS publishes each comma-separated name of `hostname` (and `internal-hostname`); the DNS '
      + 'provider refuses one that is not a DNS name, and the Service stays unreachable by name.',
    fix: 'List DNS names, comma-separated, in the `hostname` and `internal-hostname` annotations (under either '
      + 'prefix, `external-dns.alpha.kubernetes.io/` or `external-dns.kubernetes.io/`).',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    bad: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'dns..example.com' } })] },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'dns.example.com' } })] },
  },
  UDP435: {
    id: 'UDP435',
    severity: Severity.ERROR,
    title: 'ExternalDNS ttl annotation must be 1..2147483647 seconds',
    why: 'ExternalDNS reads whole seconds or a Go duration (60s, 5m); anything else, or a value outside '
      + '1..2147483647 seconds, is ignored with a log line and the provider\'s default TTL applies.',
    fix: 'Give the ttl annotation whole seconds (`300`) or a Go duration (`5m`) of 1..2147483647 seconds.',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    bad: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'dns.example.com', 'external-dns.alpha.kubernetes.io/ttl': 'five minutes' } })] },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'dns.example.com', 'external-dns.alpha.kubernetes.io/ttl': '5m' } })] },
  },
  UDP436: {
    id: 'UDP436',
    severity: Severity.ERROR,
    title: 'externalDnsVersion must be a release number',
    why: 'The ExternalDNS release decides the form of the SRV targets the library writes; a value that is no release '
      + 'number cannot say which, and taking the default would write a form that release may drop.',
    fix: 'Give the release your cluster runs, such as `\'0.20\'` or `\'v0.22.0\'`, or leave it unset for v0.22.0 and later.',
    sources: [S.EXTERNALDNS_SRV_DOTTED],
    bad: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos', protocol: SrvProtocol.UDP, domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }], externalDnsVersion: 'latest',
});`,
    },
    good: {
      code: `
new SrvRecord(chart, 'kerberos', {
  service: 'kerberos', protocol: SrvProtocol.UDP, domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88 }], externalDnsVersion: '0.20',
});`,
    },
  },
  UDP501: {
    id: 'UDP501',
    severity: Severity.ERROR,
    title: 'Health-check protocol must be TCP, HTTP or HTTPS',
    why: 'AWS cannot health-check over UDP: CreateTargetGroup refuses UDP, TCP_UDP and TLS health checks.',
    fix: 'Check over TCP, HTTP or HTTPS, on a port that reflects the UDP server\'s health (the health-check '
      + 'sidecar\'s HTTP port).',
    sources: [S.CREATE_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { protocol: 'UDP' as HealthCheckProtocol, port: 30053 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { protocol: HealthCheckProtocol.HTTP, port: 30080, path: '/healthz' },
});`,
    },
  },
  UDP502: {
    id: 'UDP502',
    severity: Severity.ERROR,
    title: 'Health-check port must be 1..65535 or \'traffic-port\'',
    why: 'AWS refuses any other health-check port.',
    fix: 'Give a port number 1..65535, or `\'traffic-port\'`.',
    sources: [S.CREATE_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 70000 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP503: {
    id: 'UDP503',
    severity: Severity.ERROR,
    title: 'Health-check path only for HTTP and HTTPS, starting with /',
    why: 'A TCP check has no path; AWS refuses a path on it, and a path that does not start with / on HTTP(S).',
    fix: 'Give a path (starting with `/`, at most 1024 characters) only to an HTTP or HTTPS check.',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { protocol: HealthCheckProtocol.TCP, port: 30080, path: '/healthz' },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { protocol: HealthCheckProtocol.HTTP, port: 30080, path: '/healthz' },
});`,
    },
  },
  UDP504: {
    id: 'UDP504',
    severity: Severity.ERROR,
    title: 'Health-check interval must be 5..300 seconds',
    why: 'AWS refuses the target group.',
    fix: 'Give a whole number of seconds between 5 and 300.',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, interval: Duration.seconds(1) },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, interval: Duration.seconds(10), timeout: Duration.seconds(5) },
});`,
    },
  },
  UDP505: {
    id: 'UDP505',
    severity: Severity.ERROR,
    title: 'Health-check timeout must be 2..120 seconds',
    why: 'AWS refuses the target group.',
    fix: 'Give a whole number of seconds between 2 and 120, at most the interval.',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, timeout: Duration.seconds(1) },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, timeout: Duration.seconds(5) },
});`,
    },
  },
  UDP506: {
    id: 'UDP506',
    severity: Severity.ERROR,
    title: 'Health-check thresholds must be 2..10',
    why: 'AWS refuses the target group.',
    fix: 'Give healthy and unhealthy thresholds between 2 and 10.',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, unhealthyThreshold: 1 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, unhealthyThreshold: 2 },
});`,
    },
  },
  UDP507: {
    id: 'UDP507',
    severity: Severity.ERROR,
    title: 'Health-check timeout must not be above the interval',
    why: 'AWS refuses an NLB target group whose timeout is above its interval ("Health check interval must be '
      + 'greater than the timeout"), but accepts the two equal despite that wording: the AWS Load Balancer '
      + 'Controller sends 10 and 10 by default, an HTTP check with interval 6 and the default timeout 6 is '
      + 'created while interval 5 is refused (aws-load-balancer-controller #2951), and aws-cdk checks NLBs '
      + 'for interval >= timeout (#16446, #29075).',
    fix: 'Make the timeout at most the interval (equal is accepted), counting the defaults of what is unset.',
    sources: [S.NLB_TIMEOUT_EQUAL_INTERVAL],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, interval: Duration.seconds(10), timeout: Duration.seconds(20) },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080, interval: Duration.seconds(10), timeout: Duration.seconds(10) },
});`,
    },
  },
  UDP508: {
    id: 'UDP508',
    severity: Severity.ERROR,
    title: 'Health-check success codes only for HTTP and HTTPS, 200..599',
    why: 'An NLB accepts HTTP codes 200-599 as a list ("200,204") or a range ("200-399"), and none for a TCP '
      + 'check.',
    fix: 'Give success codes only to an HTTP or HTTPS check: codes 200..599 as a list (`200,204`) or a range '
      + '(`200-399`).',
    sources: [S.CREATE_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { protocol: HealthCheckProtocol.HTTP, port: 30080, successCodes: '100-199' },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { protocol: HealthCheckProtocol.HTTP, port: 30080, successCodes: '200-399' },
});`,
    },
  },
  UDP509: {
    id: 'UDP509',
    severity: Severity.WARNING,
    title: 'A TCP check of the traffic port of a UDP-only target never succeeds',
    why: 'The target listens on UDP only, so a TCP connection to its traffic port is refused: every target '
      + 'stays unhealthy (LBC #1813, #2144). Check a TCP or HTTP health port instead.',
    fix: 'Check a TCP or HTTP port that the targets serve, such as the health-check sidecar\'s HTTP port.',
    sources: [S.UDP_HEALTH_CHECK],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 'traffic-port' },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { protocol: HealthCheckProtocol.HTTP, port: 30080, path: '/healthz' },
});`,
    },
  },
  UDP520: {
    id: 'UDP520',
    severity: Severity.ERROR,
    title: 'Scheme must be internal or internet-facing',
    why: 'AWS and the AWS Load Balancer Controller know no other scheme.',
    fix: 'Use `LoadBalancerScheme.INTERNAL` (the default) or `LoadBalancerScheme.INTERNET_FACING`.',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  scheme: 'public' as LoadBalancerScheme,
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  scheme: LoadBalancerScheme.INTERNET_FACING,
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP521: {
    id: 'UDP521',
    severity: Severity.ERROR,
    title: 'Elastic IPs only on an internet-facing load balancer',
    why: 'An internal load balancer has private addresses only: AWS refuses an allocation id in its subnet '
      + 'mappings.',
    fix: 'Make the load balancer internet-facing, or drop the Elastic IPs.',
    sources: [S.SUBNET_MAPPING],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  eips: ['eipalloc-0a1b2c3d4e5f60001'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  scheme: LoadBalancerScheme.INTERNET_FACING,
  eips: ['eipalloc-0a1b2c3d4e5f60001'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP522: {
    id: 'UDP522',
    severity: Severity.ERROR,
    title: 'One Elastic IP per subnet',
    why: 'Each subnet mapping takes one allocation id, paired by position: the AWS Load Balancer Controller '
      + 'refuses a count that differs from the number of subnets, and AWS needs the subnets to place the '
      + 'EIPs.',
    fix: 'Give one Elastic IP per subnet, in the order of the subnets (or `eips: \'allocate\'` on the Pulumi '
      + 'component).',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
  scheme: LoadBalancerScheme.INTERNET_FACING,
  eips: ['eipalloc-0a1b2c3d4e5f60001'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
  scheme: LoadBalancerScheme.INTERNET_FACING,
  eips: ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP523: {
    id: 'UDP523',
    severity: Severity.ERROR,
    title: 'Elastic IP allocation ids look like eipalloc-0123456789abcdef0',
    why: 'An allocation id is not a public IP address nor an association id: AWS refuses anything else.',
    fix: 'Give the allocation id of each Elastic IP (`eipalloc-` and 8 or 17 hex digits), not its address.',
    sources: [S.SUBNET_MAPPING],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  scheme: LoadBalancerScheme.INTERNET_FACING,
  eips: ['203.0.113.10'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  scheme: LoadBalancerScheme.INTERNET_FACING,
  eips: ['eipalloc-0a1b2c3d4e5f60001'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP524: {
    id: 'UDP524',
    severity: Severity.ERROR,
    title: 'Subnets must be subnet ids (subnet-...), at least one',
    why: 'A Network Load Balancer needs at least one subnet, named by its id.',
    fix: 'Give at least one subnet id (`subnet-` and 8 or 17 hex digits).',
    sources: [S.SUBNET_MAPPING],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: [],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP525: {
    id: 'UDP525',
    severity: Severity.ERROR,
    title: 'No subnet or Elastic IP twice',
    why: 'AWS takes one subnet per Availability Zone, and an Elastic IP can be associated only once.',
    fix: 'List each subnet and each Elastic IP once (one subnet per Availability Zone).',
    sources: [S.SUBNET_MAPPING],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP526: {
    id: 'UDP526',
    severity: Severity.ERROR,
    title: 'IP address type must be ipv4 or dualstack',
    why: 'A Network Load Balancer is ipv4 or dualstack; AWS refuses anything else.',
    fix: 'Use `ipv4` (the default) or `dualstack`.',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ipAddressType: 'ipv6' as 'dualstack',
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ipAddressType: 'dualstack',
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP527: {
    id: 'UDP527',
    severity: Severity.ERROR,
    title: 'Load-balancer switches must be true or false',
    why: 'AWS takes true or false for these settings. Anything else (untyped input such as the string "false", '
      + '"no" or 0) would be read as JavaScript truthiness, not as what it says: deletionProtection: "false" '
      + 'would turn deletion protection on.',
    fix: 'Give `crossZone`, `deletionProtection` and `retainEipsOnDelete` as booleans, `true` or `false`.',
    sources: [S.LOAD_BALANCER_ATTRIBUTES],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  deletionProtection: 'false' as unknown as boolean,
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  deletionProtection: false,
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP530: {
    id: 'UDP530',
    severity: Severity.ERROR,
    title: 'At least one listener',
    why: 'A load balancer without a listener forwards nothing.',
    fix: 'Give at least one listener `{ port, protocol }`.',
    sources: [S.NLB_LISTENERS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP531: {
    id: 'UDP531',
    severity: Severity.ERROR,
    title: 'Listener and target ports must be 1..65535',
    why: 'AWS refuses the listener or the target group.',
    fix: 'Give listener and target ports between 1 and 65535.',
    sources: [S.NLB_LISTENERS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 0 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP532: {
    id: 'UDP532',
    severity: Severity.ERROR,
    title: 'Listener protocol must be UDP, TCP, TCP_UDP, QUIC or TCP_QUIC',
    why: 'This component builds UDP, TCP+UDP and QUIC (passthrough) load balancers; TLS needs certificates it does '
      + 'not manage, and any other value (lower case, from untyped input) is no protocol AWS knows.',
    fix: 'Use `UDP`, `TCP`, `TCP_UDP`, `QUIC` or `TCP_QUIC`.',
    sources: [S.NLB_LISTENERS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 443, protocol: 'TLS' as 'UDP', targetPort: 30443 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 443, protocol: 'UDP', targetPort: 30443 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP533: {
    id: 'UDP533',
    severity: Severity.ERROR,
    title: 'No two listeners with the same port and protocol',
    why: 'AWS refuses a second listener on a port (DuplicateListener).',
    fix: 'Declare each (port, protocol) listener once.',
    sources: [S.NLB_LISTENERS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }, { port: 53, protocol: 'UDP', targetPort: 30054 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP534: {
    id: 'UDP534',
    severity: Severity.ERROR,
    title: 'TCP and UDP on one port need one TCP_UDP listener',
    why: 'An NLB takes one listener per port (DuplicateListener): TCP and UDP on the same port are one TCP_UDP '
      + 'listener with a TCP_UDP target group.',
    fix: 'Declare one `TCP_UDP` listener for the port instead of a TCP and a UDP one.',
    sources: [S.NLB_LISTENERS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }, { port: 53, protocol: 'TCP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'TCP_UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP535: {
    id: 'UDP535',
    severity: Severity.ERROR,
    title: 'A TCP_UDP listener already covers TCP and UDP on its port',
    why: 'An NLB takes one listener per port (DuplicateListener).',
    fix: 'Drop the TCP or UDP listener on a port that already has a `TCP_UDP` one.',
    sources: [S.NLB_LISTENERS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'TCP_UDP', targetPort: 30053 }, { port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'TCP_UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP540: {
    id: 'UDP540',
    severity: Severity.ERROR,
    title: 'Target type must be instance or ip',
    why: 'A Network Load Balancer target group for UDP registers instances or IP addresses.',
    fix: 'Use `NlbTargetType.INSTANCE` or `NlbTargetType.IP`.',
    sources: [S.REGISTER_TARGETS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetType: 'lambda' as 'ip',
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetType: 'ip',
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP541: {
    id: 'UDP541',
    severity: Severity.ERROR,
    title: 'Instance ids look like i-0123456789abcdef0',
    why: 'RegisterTargets refuses anything else.',
    fix: 'Give EC2 instance ids (`i-` and 8 or 17 hex digits).',
    sources: [S.REGISTER_TARGETS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targets: { instanceIds: ['dns-server-1'] },
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targets: { instanceIds: ['i-0123456789abcdef0'] },
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP542: {
    id: 'UDP542',
    severity: Severity.ERROR,
    title: 'IP targets must be IPv4 or IPv6 addresses',
    why: 'RegisterTargets refuses anything else.',
    fix: 'Give IPv4 or IPv6 addresses.',
    sources: [S.REGISTER_TARGETS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
  targets: { ipAddresses: ['dns.internal'] },
  healthCheck: { port: 8080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
  targets: { ipAddresses: ['10.0.1.53'] },
  healthCheck: { port: 8080 },
});`,
    },
  },
  UDP543: {
    id: 'UDP543',
    severity: Severity.ERROR,
    title: 'IP targets cannot be mixed with instances or Auto Scaling groups',
    why: 'A target group has one target type: instance (instances and Auto Scaling groups) or ip.',
    fix: 'Register either IP addresses or instances and Auto Scaling groups: two load balancers if you need '
      + 'both.',
    sources: [S.REGISTER_TARGETS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
  targets: { ipAddresses: ['10.0.1.53'], instanceIds: ['i-0123456789abcdef0'] },
  healthCheck: { port: 8080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
  targets: { ipAddresses: ['10.0.1.53', '10.0.2.53'] },
  healthCheck: { port: 8080 },
});`,
    },
  },
  UDP544: {
    id: 'UDP544',
    severity: Severity.ERROR,
    title: 'No target twice',
    why: 'A target registered twice is one registration: removing either entry deregisters it.',
    fix: 'List each target once.',
    sources: [S.REGISTER_TARGETS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
  targets: { ipAddresses: ['10.0.1.53', '10.0.1.53'] },
  healthCheck: { port: 8080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
  targets: { ipAddresses: ['10.0.1.53', '10.0.2.53'] },
  healthCheck: { port: 8080 },
});`,
    },
  },
  UDP550: {
    id: 'UDP550',
    severity: Severity.ERROR,
    title: 'Deregistration delay must be 0..3600 seconds',
    why: 'AWS refuses the target-group attribute.',
    fix: 'Give a whole number of seconds between 0 and 3600.',
    sources: [S.TARGET_GROUP_ATTRIBUTES],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: { deregistrationDelay: 7200 },
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: { deregistrationDelay: 30 },
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP551: {
    id: 'UDP551',
    severity: Severity.ERROR,
    title: 'Client IP preservation cannot be disabled for UDP or TCP_UDP',
    why: 'AWS always preserves client addresses for UDP and TCP_UDP target groups and refuses '
      + 'preserve_client_ip.enabled=false (aws-load-balancer-controller #4899).',
    fix: 'Leave client IP preservation on (unset) for UDP and TCP_UDP target groups.',
    sources: [S.CLIENT_IP_PRESERVATION],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: { preserveClientIp: false },
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: { preserveClientIp: true },
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP552: {
    id: 'UDP552',
    severity: Severity.ERROR,
    title: 'Target-group switches must be true or false',
    why: 'AWS accepts only "true" or "false" for these attributes.',
    fix: 'Give `true` or `false`, as booleans.',
    sources: [S.TARGET_GROUP_ATTRIBUTES],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: { connectionTermination: 'yes' as unknown as boolean },
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: { connectionTermination: true },
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP553: {
    id: 'UDP553',
    severity: Severity.ERROR,
    title: 'targetGroupAttributes must be an object of attributes',
    why: 'Anything else (a string of key=value pairs, a list, from untyped input) cannot be read, and dropping it would '
      + 'leave AWS\'s defaults where the user meant to change them.',
    fix: 'Give an object such as `{ deregistrationDelay: 30, connectionTermination: true }`.',
    sources: [S.TARGET_GROUP_ATTRIBUTES],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: 'deregistration_delay.timeout_seconds=30' as never,
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  targetGroupAttributes: { deregistrationDelay: 30 },
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP554: {
    id: 'UDP554',
    severity: Severity.ERROR,
    title: 'An argument of the wrong type',
    why: 'A VPC id that is no string, tags that are no object or rule ids that are no list cannot be read: AWS would '
      + 'refuse the target groups, or the tags and silenced rules would be dropped without a word.',
    fix: 'Give `vpcId` as a string or an output (`vpc.id`), `tags` as an object and `disabledRules` as a list of rule ids.',
    sources: [S.CREATE_TARGET_GROUP],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  disabledRules: 'UDP509' as never,
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  disabledRules: ['UDP509'],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP560: {
    id: 'UDP560',
    severity: Severity.ERROR,
    title: 'NLB Elastic IPs only with an internet-facing scheme',
    why: 'An internal NLB has private addresses only, and the controller\'s default scheme is internal (the '
      + 'in-tree provider\'s is internet-facing): with '
      + '`aws-load-balancer-eip-allocations` and no `aws-load-balancer-scheme: internet-facing` the '
      + 'controller fails to build the load balancer.',
    fix: 'Add `service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing`, or drop the Elastic IP '
      + 'allocations.',
    sources: [S.LBC_ANNOTATIONS],
    bad: { objects: [nlbService({ ...SUBNETS_2, ...EIPS_2 })] },
    good: { objects: [nlbService({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing', ...SUBNETS_2, ...EIPS_2 })] },
  },
  UDP561: {
    id: 'UDP561',
    severity: Severity.ERROR,
    title: 'NLB Elastic IPs: one allocation id (eipalloc-...) per subnet',
    why: 'The allocations pair with `aws-load-balancer-subnets` by position: the controller refuses a count '
      + 'that differs from the number of subnets, and AWS refuses anything but an allocation id, or one used '
      + 'twice.',
    fix: 'List one allocation id (`eipalloc-...`) per subnet of `aws-load-balancer-subnets`, in the same '
      + 'order, each once.',
    sources: [S.LBC_ANNOTATIONS],
    bad: { objects: [nlbService({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing', ...SUBNETS_2, 'service.beta.kubernetes.io/aws-load-balancer-eip-allocations': 'eipalloc-0a1b2c3d4e5f60001' })] },
    good: { objects: [nlbService({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing', ...SUBNETS_2, ...EIPS_2 })] },
  },
  UDP562: {
    id: 'UDP562',
    severity: Severity.ERROR,
    title: 'NLB health-check protocol must be tcp, http or https (never udp)',
    why: 'AWS cannot health-check over UDP: the controller refuses any other '
      + '`aws-load-balancer-healthcheck-protocol` ("unsupported health check protocol") and the Service gets '
      + 'no load balancer.',
    fix: 'Health-check over `tcp`, `http` or `https`: a TCP or HTTP port that reflects the UDP server\'s '
      + 'health, such as the health-check sidecar\'s.',
    sources: [S.LBC_TARGET_GROUP],
    bad: { objects: [nlbService({ 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'udp' })] },
    good: { objects: [nlbService({ ...HTTP_HEALTH_CHECK })] },
  },
  UDP563: {
    id: 'UDP563',
    severity: Severity.ERROR,
    title: 'NLB health-check annotations within AWS\'s ranges',
    why: 'AWS refuses a target group whose interval is outside 5..300 s, timeout outside 2..120 s or above the '
      + 'interval, thresholds outside 2..10, or whose port, path or success codes are malformed; the '
      + 'controller then builds nothing.',
    fix: 'Keep the health-check annotations in AWS\'s ranges: interval 5..300 s, timeout 2..120 s and at most '
      + 'the interval, thresholds 2..10, a path starting with `/`, success codes 200..599; a named health-check '
      + 'port must name a port of the Service.',
    sources: [S.CREATE_TARGET_GROUP],
    bad: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval': '3' })] },
    good: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval': '10' })] },
  },
  UDP564: {
    id: 'UDP564',
    severity: Severity.WARNING,
    title: 'NLB health check on a port a UDP-only target never answers',
    why: 'With ip targets the controller checks TCP on the traffic port by default: a pod that serves the port '
      + 'over UDP only refuses it, every target stays unhealthy and the NLB fails open, sending traffic to '
      + 'dead pods too (aws-load-balancer-controller #1813, #2144). The same holds for instance targets told '
      + 'to check the traffic port, and for a health-check port the pods declare only as UDP.',
    fix: 'Point the health check at a TCP or HTTP port the pods serve (the health-check sidecar\'s, or '
      + 'kube-proxy\'s healthCheckNodePort with instance targets and externalTrafficPolicy Local).',
    sources: [S.UDP_HEALTH_CHECK],
    bad: { objects: [nlbService({})] },
    good: { objects: [nlbService({ ...HTTP_HEALTH_CHECK })] },
  },
  UDP565: {
    id: 'UDP565',
    severity: Severity.WARNING,
    title: 'NLB cross-zone load balancing off with externalTrafficPolicy Local',
    why: 'NLB cross-zone load balancing is off by default: each zone\'s NLB address sends only to targets in '
      + 'its zone, and with Local only nodes running a ready pod are healthy, so a zone without one goes '
      + 'silent and clients that resolve to its address time out.',
    fix: 'Turn cross-zone load balancing on (`aws-load-balancer-attributes: '
      + 'load_balancing.cross_zone.enabled=true`), or use externalTrafficPolicy Cluster.',
    sources: [S.CROSS_ZONE],
    bad: { objects: [nlbService({ 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance' }, { externalTrafficPolicy: 'Local' })] },
    good: { objects: [nlbService({ 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance', 'service.beta.kubernetes.io/aws-load-balancer-attributes': 'load_balancing.cross_zone.enabled=true' }, { externalTrafficPolicy: 'Local' })] },
  },
  UDP566: {
    id: 'UDP566',
    severity: Severity.ERROR,
    title: 'NLB preserve_client_ip.enabled=false on UDP',
    why: 'AWS always preserves client addresses for UDP and TCP_UDP target groups and refuses '
      + 'preserve_client_ip.enabled=false for them (aws-load-balancer-controller #4899): the target group is '
      + 'not built.',
    fix: 'Drop `preserve_client_ip.enabled=false` from the target-group attributes: UDP always preserves the '
      + 'client address.',
    sources: [S.CLIENT_IP_PRESERVATION],
    bad: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=false' })] },
    good: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'deregistration_delay.timeout_seconds=30' })] },
  },
  UDP567: {
    id: 'UDP567',
    severity: Severity.ERROR,
    title: 'NLB target-group attributes well formed and in range',
    why: 'The controller refuses an attribute annotation that is not key=value pairs, and AWS refuses a '
      + 'deregistration delay outside 0..3600 seconds or a switch that is not true or false.',
    fix: 'Write target-group attributes as `key=value` pairs, comma-separated, with switches `true` or '
      + '`false` and a deregistration delay of 0..3600 seconds.',
    sources: [S.TARGET_GROUP_ATTRIBUTES],
    bad: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'deregistration_delay.timeout_seconds=7200' })] },
    good: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'deregistration_delay.timeout_seconds=30' })] },
  },
  UDP568: {
    id: 'UDP568',
    severity: Severity.ERROR,
    title: 'UDP on a dualstack NLB needs aws-load-balancer-enable-prefix-for-ipv6-source-nat: on',
    why: 'A dualstack NLB forwards UDP only with an IPv6 prefix per subnet for source NAT (controller 2.10 or '
      + 'later): without it AWS refuses the UDP listener. The controller accepts only on or off, and on only '
      + 'for dualstack.',
    fix: 'Add `service.beta.kubernetes.io/aws-load-balancer-enable-prefix-for-ipv6-source-nat: "on"` '
      + '(controller 2.10 or later), or keep the NLB ipv4.',
    sources: [S.LBC_ANNOTATIONS],
    bad: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-ip-address-type': 'dualstack' })] },
    good: { objects: [nlbService({ ...HTTP_HEALTH_CHECK, 'service.beta.kubernetes.io/aws-load-balancer-ip-address-type': 'dualstack', 'service.beta.kubernetes.io/aws-load-balancer-enable-prefix-for-ipv6-source-nat': 'on' })] },
  },
  UDP569: {
    id: 'UDP569',
    severity: Severity.ERROR,
    title: 'AWS Load Balancer Controller annotations on an in-tree NLB (aws-load-balancer-type: nlb)',
    why: '`aws-load-balancer-type: nlb` selects the legacy in-tree provider, which reads none of the '
      + 'controller\'s annotations: ip targets, the scheme and the attributes are silently ignored (an NLB '
      + 'meant to be internal comes up internet-facing). Use `aws-load-balancer-type: external` for the '
      + 'controller.',
    fix: 'Move to the AWS Load Balancer Controller (`aws-load-balancer-type: external`), or drop the '
      + 'controller-only annotations: `nlb-target-type`, `scheme`, `attributes`, `target-group-attributes`, '
      + '`ip-address-type`, `enable-prefix-for-ipv6-source-nat` and `enable-tcp-udp-listener`.',
    sources: [S.AWS_IN_TREE],
    bad: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } })] },
    good: { objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } })] },
  },
  UDP570: {
    id: 'UDP570',
    severity: Severity.ERROR,
    title: 'A TCP_UDP port on a controller or cluster that cannot build a TCP_UDP listener',
    why: 'The AWS Load Balancer Controller builds TCP_UDP listeners from 2.13 (with the opt-in), the in-tree '
      + 'provider never, and Kubernetes before 1.24 refuses TCP and UDP in one LoadBalancer Service.',
    fix: 'Use the AWS Load Balancer Controller 2.13 or later on Kubernetes 1.24 or later, or put TCP and UDP '
      + 'on two load balancers (`DualProtocolEndpoint`).',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.12' }),
  ports: [{ name: 'dns', port: 53, protocol: NlbProtocol.TCP_UDP }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
  ports: [{ name: 'dns', port: 53, protocol: NlbProtocol.TCP_UDP }],
});`,
    },
  },
  UDP571: {
    id: 'UDP571',
    severity: Severity.ERROR,
    title: 'ip targets with the in-tree AWS provider',
    why: 'The legacy in-tree provider registers nodes (instance targets) only: ip targets need the AWS Load '
      + 'Balancer Controller.',
    fix: 'Use instance targets with the in-tree provider, or the AWS Load Balancer Controller for ip targets.',
    sources: [S.AWS_IN_TREE],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.awsInTree(),
  targetType: NlbTargetType.IP,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.awsInTree(),
  targetType: NlbTargetType.INSTANCE,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
  },
  UDP572: {
    id: 'UDP572',
    severity: Severity.ERROR,
    title: 'A setting the in-tree AWS provider does not read',
    why: 'The in-tree provider ignores target-group attributes, load-balancer attributes (deletion '
      + 'protection), dualstack and loadBalancerClass: the setting would be silently lost.',
    fix: 'Drop the setting, or use the AWS Load Balancer Controller, which reads it.',
    sources: [S.AWS_IN_TREE],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.awsInTree(),
  targetType: NlbTargetType.INSTANCE,
  deletionProtection: true,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController(),
  deletionProtection: true,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
  },
  UDP573: {
    id: 'UDP573',
    severity: Severity.ERROR,
    title: 'The health-check sidecar needs a cdk8s-plus pod controller',
    why: 'With ip targets the NLB checks each pod: a UDP-only pod answers no TCP or HTTP check unless the '
      + 'sidecar joins it, which needs the cdk8s-plus Deployment, StatefulSet, DaemonSet or Pod as selector.',
    fix: 'Select the pods with the cdk8s-plus Deployment, StatefulSet, DaemonSet or Pod that runs them, or '
      + 'turn the sidecar off (`healthSidecar: false`) and give a health check of your own.',
    sources: [S.UDP_HEALTH_CHECK],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: kplus.Pods.select(chart, 'pods', { labels: { app: 'dns' } }),
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', { selector: deployment, ports: [{ name: 'dns', port: 53 }] });`,
    },
  },
  UDP574: {
    id: 'UDP574',
    severity: Severity.ERROR,
    title: 'The sidecar cannot find the number of a named targetPort',
    why: 'The sidecar probes a port number: a named targetPort must be declared by a container of the '
      + 'workload.',
    fix: 'Name a container port of the workload in `targetPort`, or give its number.',
    sources: [S.UDP_HEALTH_CHECK],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', { selector: deployment, ports: [{ name: 'dns', port: 53, targetPort: 'domain' }] });`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', { selector: deployment, ports: [{ name: 'dns', port: 53, targetPort: 'dns' }] });`,
    },
  },
  UDP575: {
    id: 'UDP575',
    severity: Severity.ERROR,
    title: 'An NLB port protocol must be UDP, TCP_UDP, QUIC or TCP_QUIC',
    why: 'NlbUdpLoadBalancer builds a UDP listener per port, one TCP_UDP listener for TCP and UDP on the '
      + 'same port, or a QUIC (TCP_QUIC) listener; any other value (TCP alone, lower case, from untyped input) would be '
      + 'taken for UDP, and TCP on the port lost.',
    fix: 'Use `NlbProtocol.UDP` (the default), `NlbProtocol.TCP_UDP`, `NlbProtocol.QUIC` or `NlbProtocol.TCP_QUIC`.',
    sources: [S.NLB_LISTENERS],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  ports: [{ name: 'dns', port: 53, protocol: 'TCP' as NlbProtocol }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  ports: [{ name: 'dns', port: 53, protocol: NlbProtocol.UDP }],
});`,
    },
  },
  UDP576: {
    id: 'UDP576',
    severity: Severity.ERROR,
    title: 'The provider of an NLB must be the AWS Load Balancer Controller or the in-tree AWS provider',
    why: 'The provider decides which annotations the Service gets and which settings are refused: any other '
      + 'provider (GKE, AKS, MetalLB) builds no Network Load Balancer, and anything that is no provider (a string '
      + 'from untyped input) cannot be read; taking either for the default would build the annotations of an '
      + 'implementation the user did not choose. So does a scheme or target type given twice, differently, on the '
      + 'provider and on the load balancer.',
    fix: 'Use `LoadBalancerProvider.awsLoadBalancerController()` (the default) or `LoadBalancerProvider.awsInTree()`, '
      + 'and give the scheme and the target type once.',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.gke(),
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
  },
  UDP577: {
    id: 'UDP577',
    severity: Severity.ERROR,
    title: 'healthSidecar must be the sidecar\'s props or false',
    why: 'The sidecar is the NLB\'s health check with ip targets: a value that is neither (a string or a number from '
      + 'untyped input) cannot say what to probe, and guessing would build a health check the user did not ask for.',
    fix: 'Give the sidecar\'s props (`{ probes: [UdpProbe.dns(53)] }`), leave it unset for a probe of every UDP port, or '
      + 'turn it off with `false` and a health check of your own.',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  ports: [{ name: 'dns', port: 53 }],
  healthSidecar: 'dns' as never,
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  ports: [{ name: 'dns', port: 53 }],
  healthSidecar: { probes: [UdpProbe.dns(53)] },
});`,
    },
  },
  UDP578: {
    id: 'UDP578',
    severity: Severity.ERROR,
    title: 'allocateLoadBalancerNodePorts false with instance targets',
    why: 'Instance targets receive the traffic on the Service\'s NodePorts: without them the target groups have nowhere '
      + 'to send it. Only ip targets, which reach the pods directly, can do without.',
    fix: 'Leave `allocateLoadBalancerNodePorts` on with instance targets, or use ip targets (the default).',
    sources: [S.LBC_ANNOTATIONS],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  targetType: NlbTargetType.INSTANCE,
  allocateLoadBalancerNodePorts: false,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', {
  selector: deployment,
  targetType: NlbTargetType.IP,
  allocateLoadBalancerNodePorts: false,
  ports: [{ name: 'dns', port: 53 }],
});`,
    },
  },
  UDP579: {
    id: 'UDP579',
    severity: Severity.INFO,
    title: 'An internet-facing NLB without Elastic IPs: its addresses are not yours to keep',
    why: 'Without Elastic IPs AWS assigns the public addresses of an internet-facing Network Load Balancer, and a '
      + 'replacement (a scheme change, a re-creation by the controller or by Pulumi) gets new ones: clients that '
      + 'pinned an address, DNS caches and partners\' allow-lists lose the service until they learn the new one. '
      + 'Nothing is wrong while the load balancer lives; this is a note.',
    fix: 'Where the addresses must outlive the load balancer, give one Elastic IP per subnet (`eips`, or '
      + '`eips: \'allocate\'` in the Pulumi component); otherwise leave it, or silence UDP579.',
    sources: [S.SUBNET_MAPPING, S.LBC_ANNOTATIONS],
    bad: {
      objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, {
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        },
      })],
    },
    good: {
      objects: [service({ type: 'LoadBalancer', ports: [UDP_53] }, {
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
          'service.beta.kubernetes.io/aws-load-balancer-subnets': 'subnet-0a1b2c3d4e5f60001',
          'service.beta.kubernetes.io/aws-load-balancer-eip-allocations': 'eipalloc-0a1b2c3d4e5f60001',
        },
      })],
    },
  },
  UDP580: {
    id: 'UDP580',
    severity: Severity.ERROR,
    title: 'A QUIC or TCP_QUIC port on a dualstack NLB',
    why: 'AWS refuses QUIC and TCP_QUIC listeners on a dualstack Network Load Balancer: the load balancer is not built '
      + '(cdk8s: the controller fails on the Service; Pulumi: the listener is refused).',
    fix: 'Keep a load balancer with a QUIC port ipv4 (the default), or give the QUIC port an ipv4 load balancer of its own.',
    sources: [S.NLB_QUIC_LISTENERS, S.NLB_QUIC_ANNOUNCEMENT],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
  ipAddressType: NlbIpAddressType.DUALSTACK,
  ports: [{ name: 'h3', port: 443, targetPort: 53, protocol: NlbProtocol.QUIC }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
  ipAddressType: NlbIpAddressType.IPV4,
  ports: [{ name: 'h3', port: 443, targetPort: 53, protocol: NlbProtocol.QUIC }],
});`,
    },
  },
  UDP581: {
    id: 'UDP581',
    severity: Severity.ERROR,
    title: 'A QUIC or TCP_QUIC port on an NLB with security groups',
    why: 'AWS refuses QUIC and TCP_QUIC listeners on a Network Load Balancer with security groups, and security groups '
      + 'are associated only when the load balancer is created: they cannot be removed afterwards.',
    fix: 'Give the load balancer no security groups (`securityGroups: []` or unset; the cdk8s construct then turns the '
      + 'controller\'s managed security group off), or put the QUIC port on a load balancer of its own.',
    sources: [S.NLB_QUIC_LISTENERS, S.NLB_SECURITY_GROUPS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('web', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  securityGroups: ['sg-0123456789abcdef0'],
  ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }],
  targets: { ipAddresses: ['10.0.1.15'] },
  healthCheck: { port: 8080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('web', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  securityGroups: [],
  ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }],
  targets: { ipAddresses: ['10.0.1.15'] },
  healthCheck: { port: 8080 },
});`,
    },
  },
  UDP582: {
    id: 'UDP582',
    severity: Severity.ERROR,
    title: 'One QUIC or TCP_QUIC listener per NLB, none beside UDP or TCP_UDP listeners',
    why: 'A Network Load Balancer takes one QUIC or TCP_QUIC listener at a time, and none on a load balancer that has UDP '
      + 'or TCP_UDP listeners: AWS refuses the listener.',
    fix: 'Keep one QUIC or TCP_QUIC port per load balancer, with TCP ports only beside it; put UDP ports on another load '
      + 'balancer.',
    sources: [S.NLB_QUIC_LISTENERS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('web', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }, { port: 53, protocol: 'UDP', targetPort: 53 }],
  targets: { ipAddresses: ['10.0.1.15'] },
  healthCheck: { port: 8080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('web', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 443, protocol: 'TCP_QUIC', targetPort: 8443 }, { port: 80, protocol: 'TCP', targetPort: 8080 }],
  targets: { ipAddresses: ['10.0.1.15'] },
  healthCheck: { port: 8080 },
});`,
    },
  },
  UDP583: {
    id: 'UDP583',
    severity: Severity.ERROR,
    title: 'QUIC targets must each be registered with a server id',
    why: 'AWS registers a QUIC or TCP_QUIC target only with its QUIC server id. The AWS Load Balancer Controller takes '
      + 'the ids it injects into pods, so it registers ip targets only: with instance targets no target is ever '
      + 'registered. An Auto Scaling group attachment registers instances without ids.',
    fix: 'Use ip targets for a QUIC port (cdk8s, the default), or register instances and IP addresses one by one with '
      + 'their server ids (Pulumi `targets.instanceIds` or `targets.ipAddresses`).',
    sources: [S.LBC_QUIC_REGISTRATION, S.TARGET_DESCRIPTION],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
  targetType: NlbTargetType.INSTANCE,
  ports: [{ name: 'h3', port: 443, targetPort: 53, protocol: NlbProtocol.QUIC }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
  targetType: NlbTargetType.IP,
  ports: [{ name: 'h3', port: 443, targetPort: 53, protocol: NlbProtocol.QUIC }],
});`,
    },
  },
  UDP584: {
    id: 'UDP584',
    severity: Severity.ERROR,
    title: 'QUIC server ids: 0x and 16 lower-case hexadecimal digits, one per target',
    why: 'AWS refuses a server id of any other form, and needs the ids of a listener\'s targets to differ; an id given '
      + 'for a target that is not registered is a typo that would leave the real target with a generated id.',
    fix: 'Give each target of `targets.instanceIds` or `targets.ipAddresses` its own id such as `0x1a2b3c4d5e6f7a8b`, or '
      + 'leave `targets.quicServerIds` unset for ids generated from the component\'s name, the listener and the target.',
    sources: [S.TARGET_DESCRIPTION],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('web', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }],
  targets: { ipAddresses: ['10.0.1.15'], quicServerIds: { '10.0.1.15': '0x1A2B' } },
  healthCheck: { port: 8080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('web', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }],
  targets: { ipAddresses: ['10.0.1.15'], quicServerIds: { '10.0.1.15': '0x1a2b3c4d5e6f7a8b' } },
  healthCheck: { port: 8080 },
});`,
    },
  },
  UDP585: {
    id: 'UDP585',
    severity: Severity.ERROR,
    title: 'A QUIC port, or no NLB security group, on a controller that cannot build it',
    why: 'The AWS Load Balancer Controller builds QUIC and TCP_QUIC listeners and injects server ids from 2.15.0, and '
      + 'leaves the NLB without a security group (`aws-load-balancer-disable-nlb-sg`) from 2.14.0; older releases and '
      + 'the in-tree provider ignore the annotations and build a UDP listener with a security group instead.',
    fix: 'Run the AWS Load Balancer Controller 2.15 or later and say so: '
      + '`provider: LoadBalancerProvider.awsLoadBalancerController({ version: \'2.15\' })`.',
    sources: [S.LBC_ANNOTATIONS, S.LBC_QUIC],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.14' }),
  ports: [{ name: 'h3', port: 443, targetPort: 53, protocol: NlbProtocol.QUIC }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
  ports: [{ name: 'h3', port: 443, targetPort: 53, protocol: NlbProtocol.QUIC }],
});`,
    },
  },
  UDP586: {
    id: 'UDP586',
    severity: Severity.ERROR,
    title: 'securityGroups must be a list of security groups',
    why: 'Anything else (a string, from untyped input) cannot be read, and an entry that is no security group id (or, '
      + 'for the controller, name) is refused by AWS; security groups cannot be changed between none and some once '
      + 'the load balancer exists, so a mistake here is costly to undo.',
    fix: 'Give a list of security group ids such as `[\'sg-0123456789abcdef0\']` (the controller also takes names), '
      + 'or `[]` for none.',
    sources: [S.NLB_SECURITY_GROUPS, S.LBC_NLB_SECURITY_GROUPS],
    bad: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  securityGroups: 'sg-0123456789abcdef0' as never,
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
    good: {
      pulumi: true, code: `
new NlbUdpLoadBalancer('dns', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
  securityGroups: ['sg-0123456789abcdef0'],
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
});`,
    },
  },
  UDP587: {
    id: 'UDP587',
    severity: Severity.WARNING,
    title: 'The pods behind a QUIC port must ask for a server id',
    why: 'The AWS Load Balancer Controller registers a QUIC target only with the server id it injects into the pod, and '
      + 'injects one only into pods whose template names their QUIC containers in '
      + '`service.beta.kubernetes.io/aws-load-balancer-quic-enabled-containers` (in namespaces labelled '
      + '`elbv2.k8s.aws/quic-server-id-inject: enabled`). NlbUdpLoadBalancer annotates the pod template of a cdk8s-plus '
      + 'workload itself; selected by labels, the pods are not its to annotate.',
    fix: 'Select the cdk8s-plus workload that runs the QUIC server, or add the annotation to its pod template yourself; '
      + 'label the namespace `elbv2.k8s.aws/quic-server-id-inject=enabled` in either case.',
    sources: [S.LBC_QUIC],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: kplus.Pods.select(chart, 'pods', { labels: { app: 'web' } }),
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
  healthSidecar: false,
  healthCheck: { port: 8080, protocol: 'HTTP', path: '/health' },
  ports: [{ name: 'h3', port: 443, protocol: NlbProtocol.QUIC }],
});`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'web', {
  selector: deployment,
  provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
  healthSidecar: false,
  healthCheck: { port: 8080, protocol: 'HTTP', path: '/health' },
  ports: [{ name: 'h3', port: 443, targetPort: 53, protocol: NlbProtocol.QUIC }],
});`,
    },
  },
  UDP590: {
    id: 'UDP590',
    severity: Severity.ERROR,
    title: 'aws-load-balancer-quic-enabled-ports on a dualstack NLB',
    why: 'AWS refuses QUIC and TCP_QUIC listeners on a dualstack Network Load Balancer: the controller fails to build '
      + 'the listener.',
    fix: 'Drop `aws-load-balancer-ip-address-type: dualstack` from a Service with QUIC ports, or serve the QUIC port '
      + 'from an ipv4 Service of its own.',
    sources: [S.NLB_QUIC_LISTENERS],
    bad: { objects: [quicService({ 'service.beta.kubernetes.io/aws-load-balancer-ip-address-type': 'dualstack' })] },
    good: { objects: [quicService({}), quicDeployment()] },
  },
  UDP591: {
    id: 'UDP591',
    severity: Severity.ERROR,
    title: 'aws-load-balancer-quic-enabled-ports on an NLB with security groups',
    why: 'AWS refuses QUIC and TCP_QUIC listeners on a Network Load Balancer with security groups, and the AWS Load '
      + 'Balancer Controller gives every NLB a managed security group unless told otherwise (since 2.6, still in 3.x). '
      + 'Security groups cannot be removed from an NLB once it has them.',
    fix: 'Add `service.beta.kubernetes.io/aws-load-balancer-disable-nlb-sg: "true"` (controller 2.14 or later) and drop '
      + '`aws-load-balancer-security-groups`, before the NLB is first created.',
    sources: [S.NLB_QUIC_LISTENERS, S.LBC_QUIC, S.LBC_NLB_SECURITY_GROUPS],
    bad: { objects: [quicService({ 'service.beta.kubernetes.io/aws-load-balancer-disable-nlb-sg': 'false' })] },
    good: { objects: [quicService({}), quicDeployment()] },
  },
  UDP592: {
    id: 'UDP592',
    severity: Severity.ERROR,
    title: 'One QUIC listener per NLB, on a UDP port, with no UDP listener beside it',
    why: 'A Network Load Balancer takes one QUIC or TCP_QUIC listener, and none beside UDP or TCP_UDP listeners. The '
      + 'controller upgrades only UDP ports (and TCP_UDP ones to TCP_QUIC): a TCP port in '
      + '`aws-load-balancer-quic-enabled-ports` makes it fail ("Unsupported QUIC upgrade"), and a port the Service '
      + 'does not have is ignored.',
    fix: 'List one UDP port (number or name) of the Service in `aws-load-balancer-quic-enabled-ports`, and move its other '
      + 'UDP ports to a Service of their own.',
    sources: [S.NLB_QUIC_LISTENERS, S.LBC_LISTENER],
    bad: { objects: [quicService({}, [{ name: 'h3', port: 443, protocol: 'UDP', targetPort: 8443 }, UDP_53])] },
    good: { objects: [quicService({}), quicDeployment()] },
  },
  UDP593: {
    id: 'UDP593',
    severity: Severity.ERROR,
    title: 'A QUIC port with instance targets',
    why: 'The AWS Load Balancer Controller registers QUIC targets only with the server ids it injects into pods, that is '
      + 'ip targets: with instance targets no target is ever registered and the QUIC port never answers.',
    fix: 'Use `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip` for a Service with QUIC ports.',
    sources: [S.LBC_QUIC_REGISTRATION, S.LBC_QUIC],
    bad: { objects: [quicService({ 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance' })] },
    good: { objects: [quicService({}), quicDeployment()] },
  },
  UDP594: {
    id: 'UDP594',
    severity: Severity.WARNING,
    title: 'The pods behind a QUIC port get no server id',
    why: 'The controller registers a QUIC target only with the server id its webhook injects, and injects one only into '
      + 'pods whose template names the container in '
      + '`service.beta.kubernetes.io/aws-load-balancer-quic-enabled-containers`, in a namespace labelled '
      + '`elbv2.k8s.aws/quic-server-id-inject: enabled`. Other pods are never registered ("Dropping registration '
      + 'request for QUIC enabled target with no server ID").',
    fix: 'Annotate the pod template with the names of its QUIC containers, and label the namespace '
      + '`elbv2.k8s.aws/quic-server-id-inject=enabled`.',
    sources: [S.LBC_QUIC, S.LBC_QUIC_REGISTRATION],
    bad: { objects: [quicService({}), quicDeployment({})] },
    good: { objects: [quicService({}), quicDeployment()] },
  },
  UDP601: {
    id: 'UDP601',
    severity: Severity.ERROR,
    title: 'The health-check sidecar needs a cdk8s-plus (28-33) Pod, Deployment, StatefulSet or DaemonSet',
    why: 'The sidecar is a container of the pod that runs the UDP server: it shares its network namespace, '
      + 'reads its sockets and makes it unready. Anything else has no pod to join.',
    fix: 'Add the sidecar to the cdk8s-plus Pod, Deployment, StatefulSet or DaemonSet that runs the UDP '
      + 'server.',
    sources: [S.CDK8S_PLUS_WORKLOADS],
    bad: {
      code: `
UdpHealthCheck.addTo(new kplus.ConfigMap(chart, 'config'), { probes: [UdpProbe.dns(53)] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)] });`,
    },
  },
  UDP602: {
    id: 'UDP602',
    severity: Severity.ERROR,
    title: 'The health-check sidecar needs at least one probe',
    why: 'Without a probe the sidecar has nothing to report and would answer "healthy" for a dead server.',
    fix: 'Give at least one probe: `UdpProbe.dns(port)`, `UdpProbe.exchange(port, { payload, expect })` or '
      + '`UdpProbe.bound(port)`.',
    sources: [S.PROBES],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.bound(53)] });`,
    },
  },
  UDP603: {
    id: 'UDP603',
    severity: Severity.ERROR,
    title: 'A probe port must be a whole number between 1 and 65535',
    why: 'No UDP socket can be bound to or reached on another port, so the probe could never pass.',
    fix: 'Probe a port number between 1 and 65535.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(0)] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)] });`,
    },
  },
  UDP604: {
    id: 'UDP604',
    severity: Severity.ERROR,
    title: 'A probe timeout must be whole seconds between 1 and 30',
    why: 'busybox nc -w and nslookup -timeout= take whole seconds; a longer timeout delays every health '
      + 'answer\'s freshness by as much.',
    fix: 'Give a timeout of whole seconds between 1 and 30.',
    sources: [S.BUSYBOX_NC],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { timeout: Duration.millis(500) })] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { timeout: Duration.seconds(2) })] });`,
    },
  },
  UDP605: {
    id: 'UDP605',
    severity: Severity.ERROR,
    title: 'An exchange probe must send between 1 and 512 bytes',
    why: 'An empty datagram is never sent by netcat, so no reply can come; a payload over 512 bytes risks '
      + 'fragmentation and costs more than a health probe should.',
    fix: 'Send a payload of 1 to 512 bytes.',
    sources: [S.BUSYBOX_NC],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.exchange(53, { payload: '' })] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.exchange(53, { payload: 'ping', expect: 'pong' })] });`,
    },
  },
  UDP606: {
    id: 'UDP606',
    severity: Severity.ERROR,
    title: 'An exchange probe\'s expected pattern must be one line of 1 to 256 characters',
    why: 'The pattern is matched line by line by busybox grep -E: an empty pattern matches anything, and a '
      + 'newline or NUL cannot be part of a line.',
    fix: 'Expect one line of 1 to 256 characters (an extended regular expression), or leave `expect` unset to '
      + 'accept any reply.',
    sources: [S.BUSYBOX_NC],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.exchange(53, { payload: 'ping', expect: 'pong\\nok' })] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.exchange(53, { payload: 'ping', expect: 'pong' })] });`,
    },
  },
  UDP607: {
    id: 'UDP607',
    severity: Severity.ERROR,
    title: 'A DNS probe\'s query name must be a DNS name',
    why: 'nslookup refuses other names, so the probe would fail whatever the server does.',
    fix: 'Query a DNS name, such as `kubernetes.default.svc.cluster.local` or `.` (the root).',
    sources: [S.DNS_NAMES],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { name: 'bad name' })] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { name: 'kubernetes.default.svc.cluster.local' })] });`,
    },
  },
  UDP608: {
    id: 'UDP608',
    severity: Severity.ERROR,
    title: 'A DNS probe must accept at least one known response code',
    why: 'The probe compares the response code nslookup prints with this list: an unknown name never matches.',
    fix: 'Accept at least one `DnsResponseCode` (NOERROR, NXDOMAIN, ...).',
    sources: [S.BUSYBOX_NSLOOKUP],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { rcodes: [] })] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { rcodes: [DnsResponseCode.NOERROR, DnsResponseCode.NXDOMAIN] })] });`,
    },
  },
  UDP609: {
    id: 'UDP609',
    severity: Severity.ERROR,
    title: 'A probe host must be an IPv4 or IPv6 address',
    why: 'The sidecar probes its own pod; a name would need a DNS lookup before every probe, which can fail on '
      + 'its own.',
    fix: 'Probe an IPv4 or IPv6 address (the default, 127.0.0.1, is the pod itself).',
    sources: [S.BUSYBOX_NC],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.exchange(53, { payload: 'ping', host: 'localhost' })] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.exchange(53, { payload: 'ping', host: '127.0.0.1' })] });`,
    },
  },
  UDP610: {
    id: 'UDP610',
    severity: Severity.ERROR,
    title: 'The sidecar\'s HTTP and TCP ports must be whole numbers between 1 and 65535',
    why: 'The API server rejects a containerPort outside 1..65535.',
    fix: 'Give port numbers between 1 and 65535.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 70000 });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 10080 });`,
    },
  },
  UDP611: {
    id: 'UDP611',
    severity: Severity.ERROR,
    title: 'The sidecar must serve HTTP, TCP or both',
    why: 'Kubernetes and load balancers can only ask over HTTP or TCP: a sidecar that serves neither tells no '
      + 'one.',
    fix: 'Keep HTTP on (the default) or set a `tcpPort`.',
    sources: [S.PROBES],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], serveHttp: false });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], serveHttp: false, tcpPort: 10053 });`,
    },
  },
  UDP612: {
    id: 'UDP612',
    severity: Severity.ERROR,
    title: 'The sidecar\'s HTTP and TCP ports must differ',
    why: 'Two listeners cannot bind the same TCP port; the second one would never start.',
    fix: 'Give HTTP and TCP two different ports.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 10080, tcpPort: 10080 });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 10080, tcpPort: 10053 });`,
    },
  },
  UDP613: {
    id: 'UDP613',
    severity: Severity.ERROR,
    title: 'The sidecar\'s ports must not be TCP ports of the pod\'s other containers',
    why: 'Containers of a pod share one network namespace: whichever binds the port first wins and the other '
      + 'fails.',
    fix: 'Pick ports no other container of the pod uses.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 8080 });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 10080 });`,
    },
  },
  UDP614: {
    id: 'UDP614',
    severity: Severity.ERROR,
    title: 'The probe period must be whole seconds between 1 and 300',
    why: 'The period is both how often the sidecar probes and how long a result is served; readinessProbe '
      + 'periodSeconds takes whole seconds, and past 300 s a dead server stays in rotation for minutes.',
    fix: 'Give a period of whole seconds between 1 and 300.',
    sources: [S.PROBES],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], period: Duration.minutes(10) });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], period: Duration.seconds(5) });`,
    },
  },
  UDP615: {
    id: 'UDP615',
    severity: Severity.WARNING,
    title: 'A sidecar port below 1024 may not bind as non-root without capabilities',
    why: 'The sidecar runs as non-root with every capability dropped: below '
      + 'net.ipv4.ip_unprivileged_port_start (1024 unless the runtime lowers it) the listener cannot bind and '
      + 'every check fails.',
    fix: 'Use ports of 1024 or above (the defaults are), or lower the runtime\'s '
      + '`net.ipv4.ip_unprivileged_port_start` and silence UDP615.',
    sources: [S.UNPRIVILEGED_PORTS],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 80 });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], httpPort: 10080 });`,
    },
  },
  UDP616: {
    id: 'UDP616',
    severity: Severity.WARNING,
    title: 'A probed port should be declared as a UDP container port of the pod',
    why: 'Not declaring it works, but then the probe watches a port no Service can name, which usually means a '
      + 'typo.',
    fix: 'Probe a port the pod declares as a UDP container port (or declare it).',
    sources: [S.FIND_PORT],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(5353)] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)] });`,
    },
  },
  UDP617: {
    id: 'UDP617',
    severity: Severity.ERROR,
    title: 'The sidecar\'s image, command and udpClient must not be empty',
    why: 'The API server rejects a container without an image; an empty command runs the image\'s own '
      + 'entrypoint, not the health check.',
    fix: 'Leave `image`, `command` and `udpClient` unset for the defaults, or give non-empty values.',
    sources: [S.SERVICE_VALIDATION],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], image: '' });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], image: 'busybox:1.36.1-uclibc' });`,
    },
  },
  UDP618: {
    id: 'UDP618',
    severity: Severity.ERROR,
    title: 'A DNS probe\'s query type must be one busybox nslookup knows',
    why: 'nslookup exits with a usage error on other types, so the probe would always fail.',
    fix: 'Use a `DnsQueryType` (A, AAAA, SOA, ...).',
    sources: [S.BUSYBOX_NSLOOKUP],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { type: 'axfr' as DnsQueryType })] });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53, { type: DnsQueryType.SOA })] });`,
    },
  },
  UDP619: {
    id: 'UDP619',
    severity: Severity.ERROR,
    title: 'The sidecar\'s container name must be a DNS-1123 label not used by another container of the pod',
    why: 'The API server rejects a pod with an invalid or duplicate container name.',
    fix: 'Name the sidecar container with a DNS-1123 label that no other container of the pod uses.',
    sources: [S.NAME_VALIDATION],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], containerName: 'coredns' });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], containerName: 'udp-health' });`,
    },
  },
  UDP620: {
    id: 'UDP620',
    severity: Severity.ERROR,
    title: 'A sidecar prop of the wrong type',
    why: 'A string "no" for a switch is truthy, a string threshold or resources would be emitted as something the API '
      + 'server refuses: each would change the sidecar without a word.',
    fix: 'Give `serveHttp` and `readiness` as `true` or `false`, `readinessFailureThreshold` as a number and `resources` '
      + 'as cdk8s-plus container resources.',
    sources: [S.PROBES],
    bad: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], readiness: 'no' as never });`,
    },
    good: {
      code: `
UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.dns(53)], readiness: true });`,
    },
  },
  UDP801: {
    id: 'UDP801',
    severity: Severity.ERROR,
    title: 'A NetworkPolicy port for UDP must say protocol: UDP',
    why: 'A NetworkPolicy port without `protocol` means TCP: a rule written for DNS on 53, or for the port a UDP Service '
      + 'targets, admits TCP only and every UDP packet is dropped without a word.',
    fix: 'Write `protocol: UDP` on the port (and a second entry with `protocol: TCP` where TCP is meant too, as DNS needs).',
    sources: [S.NETWORK_POLICY_API],
    bad: {
      objects: [
        service({ ports: [UDP_53] }),
        networkPolicy({ ingress: [{ ports: [{ port: 53 }] }] }),
      ],
    },
    good: {
      objects: [
        service({ ports: [UDP_53] }),
        networkPolicy({ ingress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] }),
      ],
    },
  },
  UDP802: {
    id: 'UDP802',
    severity: Severity.ERROR,
    title: 'An egress policy must allow DNS on both UDP and TCP 53',
    why: 'Pods isolated for egress resolve names only through what the policies allow. UDP alone fails every answer too '
      + 'large for UDP (truncated, then retried over TCP, which RFC 7766 requires resolvers to do); TCP alone drops every '
      + 'ordinary query.',
    fix: 'Allow port 53 with `protocol: UDP` and with `protocol: TCP` in the same egress rule.',
    sources: [S.RFC7766, S.NETWORK_POLICY_API],
    bad: {
      objects: [networkPolicy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }, 'allow-dns')],
    },
    good: {
      objects: [networkPolicy({
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
      }, 'allow-dns')],
    },
  },
  UDP803: {
    id: 'UDP803',
    severity: Severity.WARNING,
    title: 'An ipBlock of clients in front of a UDP Service with externalTrafficPolicy Cluster matches no client',
    why: 'With `externalTrafficPolicy: Cluster` kube-proxy may forward a packet to a pod on another node and replaces the '
      + 'client\'s address with the node\'s (source NAT): the pods see node addresses, so an `ipBlock` of client CIDRs '
      + 'admits nothing and external clients are dropped, or admits every client when it holds the nodes.',
    fix: 'Set `externalTrafficPolicy: Local` on the Service (or use NLB ip targets, which keep the client\'s address for UDP) '
      + 'and keep the ipBlock; or admit the nodes\' CIDRs and filter clients at the load balancer '
      + '(`loadBalancerSourceRanges`). Name the nodes\' CIDRs in the policy\'s `k8s-udp-constructs.io/node-cidrs` annotation '
      + '(comma-separated) so that this rule knows them.',
    sources: [S.SOURCE_IP, S.NETWORK_POLICIES],
    bad: {
      objects: [
        service({ type: 'NodePort', ports: [{ ...UDP_53, nodePort: 30053 }] }),
        networkPolicy({ ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 53, protocol: 'UDP' }] }] }),
      ],
    },
    good: {
      objects: [
        service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ ...UDP_53, nodePort: 30053 }] }),
        networkPolicy({ ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 53, protocol: 'UDP' }] }] }),
      ],
    },
  },
  UDP804: {
    id: 'UDP804',
    severity: Severity.ERROR,
    title: 'A UDP Service port must be admitted by a NetworkPolicy when its pods are isolated',
    why: 'Once a NetworkPolicy selects a pod for ingress (a namespace\'s default-deny policy selects them all), the pod '
      + 'admits only what some policy allows. A UDP port no policy admits drops every packet: clients time out, with no '
      + 'error anywhere.',
    fix: 'Add an ingress rule for the Service\'s pods that admits the pod port with `protocol: UDP` (UdpService, '
      + 'DualProtocolEndpoint and NlbUdpLoadBalancer write one with `networkPolicy`).',
    sources: [S.NETWORK_POLICIES],
    bad: { objects: [service({ ports: [UDP_53] }), DEFAULT_DENY] },
    good: {
      objects: [
        service({ ports: [UDP_53] }),
        DEFAULT_DENY,
        networkPolicy({ policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }),
      ],
    },
  },
  UDP805: {
    id: 'UDP805',
    severity: Severity.ERROR,
    title: 'The NLB\'s health-check port must be admitted by a NetworkPolicy when the pods are isolated',
    why: 'With ip targets the NLB checks each pod on the health-check port from its private addresses in the VPC. When '
      + 'policies isolate the pods and none admits that port over TCP, every check fails and the NLB marks every target '
      + 'unhealthy.',
    fix: 'Admit TCP on the health-check port from the VPC\'s CIDR (`networkPolicy: { nodeCidrs }` of NlbUdpLoadBalancer '
      + 'writes it).',
    sources: [S.NLB_TARGET_SECURITY, S.NETWORK_POLICIES],
    bad: {
      objects: [
        nlbService(HTTP_HEALTH_CHECK),
        networkPolicy({ policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }),
      ],
    },
    good: {
      objects: [
        nlbService(HTTP_HEALTH_CHECK),
        networkPolicy({
          policyTypes: ['Ingress'],
          ingress: [
            { ports: [{ port: 53, protocol: 'UDP' }] },
            { from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 10080, protocol: 'TCP' }] },
          ],
        }),
      ],
    },
  },
  UDP811: {
    id: 'UDP811',
    severity: Severity.ERROR,
    title: 'networkPolicy.from: client CIDRs only where the pods see the client\'s address',
    why: 'In front of a NodePort or LoadBalancer Service with `externalTrafficPolicy: Cluster` the pods see a node\'s '
      + 'address after source NAT: a CIDR of clients would match no packet and the clients would be dropped.',
    fix: 'Set `externalTrafficPolicy: TrafficPolicy.LOCAL` (NlbUdpLoadBalancer\'s default), use NLB ip targets, or filter '
      + 'clients with `loadBalancerSourceRanges` and admit the nodes with `networkPolicy.nodeCidrs`.',
    sources: [S.SOURCE_IP, S.CLIENT_IP_PRESERVATION],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.NODE_PORT,
  ports: [{ port: 53 }],
  networkPolicy: { from: [NetworkPolicyPeer.cidr('203.0.113.0/24')] },
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.NODE_PORT,
  externalTrafficPolicy: TrafficPolicy.LOCAL,
  ports: [{ port: 53 }],
  networkPolicy: { from: [NetworkPolicyPeer.cidr('203.0.113.0/24')] },
});`,
    },
  },
  UDP812: {
    id: 'UDP812',
    severity: Severity.WARNING,
    title: 'networkPolicy.nodeCidrs narrows the health-check port to the load balancer',
    why: 'The load balancer checks the pods on a port of their own (the health-check sidecar\'s, or the health NodePort\'s '
      + 'target), from its addresses in the VPC. Without `nodeCidrs` the policy admits that port from any source.',
    fix: 'Give `networkPolicy.nodeCidrs`: the CIDRs of the nodes and of the load balancer (on AWS, the VPC\'s CIDR).',
    sources: [S.NLB_TARGET_SECURITY],
    bad: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', { selector: deployment, ports: [{ port: 53 }], networkPolicy: {} });`,
    },
    good: {
      code: `
new NlbUdpLoadBalancer(chart, 'dns', { selector: deployment, ports: [{ port: 53 }], networkPolicy: { nodeCidrs: ['10.0.0.0/16'] } });`,
    },
  },
  UDP813: {
    id: 'UDP813',
    severity: Severity.WARNING,
    title: 'networkPolicy.from of a Cluster-policy NodePort or LoadBalancer Service admits no external client',
    why: 'With `externalTrafficPolicy: Cluster` external clients reach the pods from the nodes\' addresses (source NAT). '
      + 'A policy that admits only the namespaces and pods of `from` drops them all.',
    fix: 'Give `networkPolicy.nodeCidrs` (the nodes\' CIDRs, admitted on the Service\'s ports), or set '
      + '`externalTrafficPolicy: TrafficPolicy.LOCAL` and name the clients\' CIDRs in `from`.',
    sources: [S.SOURCE_IP],
    bad: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.NODE_PORT,
  ports: [{ port: 53 }],
  networkPolicy: { from: [NetworkPolicyPeer.namespace('clients')] },
});`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', {
  selector: deployment,
  type: ServiceType.NODE_PORT,
  ports: [{ port: 53 }],
  networkPolicy: { from: [NetworkPolicyPeer.namespace('clients')], nodeCidrs: ['10.0.0.0/16'] },
});`,
    },
  },
  UDP814: {
    id: 'UDP814',
    severity: Severity.ERROR,
    title: 'networkPolicy must name peers, CIDRs and pods it can write',
    why: 'A CIDR the API server refuses, a peer that is no `NetworkPolicyPeer`, or a Service that selects no pods would '
      + 'make a NetworkPolicy that is refused or that isolates nothing.',
    fix: 'Give `from` as a list of `NetworkPolicyPeer`s, CIDRs such as `10.0.0.0/16`, and a `selector` on the Service.',
    sources: [S.NETWORK_POLICY_API],
    bad: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, ports: [{ port: 53 }], networkPolicy: { from: [NetworkPolicyPeer.cidr('10.0.0.0')] } });`,
    },
    good: {
      code: `
new UdpService(chart, 'dns', { selector: deployment, ports: [{ port: 53 }], networkPolicy: { from: [NetworkPolicyPeer.cidr('10.0.0.0/8')] } });`,
    },
  },
  ...GATEWAY_TABLE,
});

/** Every rule of the catalog by id: `RULES.UDP101`. */
export const RULES: { readonly [Id in keyof typeof TABLE]: RuleInfo } = TABLE;

/** The id of a rule of the catalog. */
export type RuleId = keyof typeof TABLE;

/**
 * Every rule of the library, in id order: the rules over Kubernetes objects that the constructs and the linter run,
 * and the checks of construct props and Pulumi arguments.
 */
export const RULE_CATALOG: readonly RuleInfo[] = Object.values(RULES).sort(byRuleId);

const byId = new Map(RULE_CATALOG.map((rule) => [rule.id, rule]));

/** The rule with `id` (any case), or `undefined`: the one lookup of the library. */
export function catalogEntry(id: string): RuleInfo | undefined {
  return byId.get(id.toUpperCase());
}

/**
 * Where the rules are documented: docs/rules.md of the published package, a section per rule.
 */
export const RULES_DOC_URL = 'https://unpkg.com/k8s-udp-constructs/docs/rules.md';

/** The section of docs/rules.md about rule `id`: `…/docs/rules.md#udp101`. */
export function ruleDocUrl(id: string): string {
  return `${RULES_DOC_URL}#${id.toLowerCase()}`;
}
