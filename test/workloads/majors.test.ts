/*
 * The same programs with a workload of each supported cdk8s-plus major (28-33) and a second copy of one major: the
 * library's own objects must be identical, and every workload made right for UDP in the same way. Objects are compared,
 * not snapshots; each is also checked against the Kubernetes 1.28 schema.
 */
import { App, Chart, Testing } from 'cdk8s';
import * as plus28 from 'cdk8s-plus-28';
import * as plus29 from 'cdk8s-plus-29';
import * as plus30 from 'cdk8s-plus-30';
import * as plus31 from 'cdk8s-plus-31';
import * as plus32 from 'cdk8s-plus-32';
import * as plus32copy from 'cdk8s-plus-32-copy';
import * as plus33 from 'cdk8s-plus-33';
import { DualProtocolEndpoint, KubernetesVersion, LoadBalancerProvider, NlbProtocol, NlbUdpLoadBalancer, SrvProtocol, SrvRecord, SUPPORTED_CDK8S_PLUS_MAJORS, UdpHealthCheck, UdpProbe, UdpRules, UdpService, ServiceType } from '../../src';
import { expectFitsKubernetes128 } from '../properties/k8s-schema';

UdpRules.onWarning(() => undefined);

/** A cdk8s-plus module of any major, used alike (each major's types are its own to TypeScript). */
type Plus = any;

const MAJORS: ReadonlyArray<[string, Plus]> = [
  ['cdk8s-plus-28', plus28],
  ['cdk8s-plus-29', plus29],
  ['cdk8s-plus-30', plus30],
  ['cdk8s-plus-31', plus31],
  ['cdk8s-plus-32', plus32],
  ['cdk8s-plus-32 (a second copy)', plus32copy],
  ['cdk8s-plus-33', plus33],
];

const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'];

/** A UDP server of one container declared the cdk8s-plus way: `portNumber` (a TCP port and a TCP startup probe). */
function server(k: Plus, scope: Chart, kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Pod', port: number): any {
  const containers = [{ name: 'server', image: 'example/udp-server:1.0', portNumber: port, securityContext: { user: 1000 } }];
  switch (kind) {
    case 'Deployment': return new k.Deployment(scope, 'server', { replicas: 2, containers });
    case 'StatefulSet': return new k.StatefulSet(scope, 'server', {
      replicas: 2, containers, service: new k.Service(scope, 'peers', { clusterIP: 'None', ports: [{ port }] }),
    });
    case 'DaemonSet': return new k.DaemonSet(scope, 'server', { containers });
    default: return new k.Pod(scope, 'server', { containers });
  }
}

/** The programs of the matrix: each builds a chart with the library's constructs in front of a workload of `k`. */
const PROGRAMS: Record<string, (k: Plus, scope: Chart) => void> = {
  'UdpService on a Deployment': (k, c) => {
    new UdpService(c, 'dns', { metadata: { name: 'dns' }, selector: server(k, c, 'Deployment', 53), ports: [{ port: 53 }] });
  },
  'UdpService on a StatefulSet': (k, c) => {
    new UdpService(c, 'dns', { metadata: { name: 'dns' }, selector: server(k, c, 'StatefulSet', 53), ports: [{ port: 53 }] });
  },
  'UdpService on a DaemonSet and a Pod': (k, c) => {
    new UdpService(c, 'ds', { metadata: { name: 'ds' }, selector: server(k, c, 'DaemonSet', 514), ports: [{ port: 514 }] });
    const pod = new k.Pod(c, 'pod', { containers: [{ name: 'statsd', image: 'statsd:1', portNumber: 8125 }] });
    new UdpService(c, 'statsd', { metadata: { name: 'statsd' }, selector: pod, ports: [{ port: 8125 }] });
  },
  'UdpService on Pods.select()': (k, c) => {
    server(k, c, 'Deployment', 53);
    new UdpService(c, 'dns', { metadata: { name: 'dns' }, selector: k.Pods.select(c, 'sel', { labels: { app: 'x' } }), ports: [{ port: 53 }] });
  },
  'DualProtocolEndpoint split on the in-tree AWS provider, with SRV records': (k, c) => {
    new DualProtocolEndpoint(c, 'kerberos', {
      metadata: { name: 'kerberos' },
      selector: server(k, c, 'StatefulSet', 88),
      type: ServiceType.LOAD_BALANCER,
      provider: LoadBalancerProvider.awsInTree(),
      kubernetesVersion: KubernetesVersion.V1_28,
      ports: [{ name: 'kerberos', port: 88 }],
      dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com', ttl: 300 },
    });
  },
  'DualProtocolEndpoint in one Service': (k, c) => {
    new DualProtocolEndpoint(c, 'dns', {
      metadata: { name: 'dns' },
      selector: server(k, c, 'Deployment', 53),
      kubernetesVersion: KubernetesVersion.V1_28,
      ports: [{ name: 'dns', port: 53 }],
    });
  },
  'NlbUdpLoadBalancer, UDP port, ip targets, health-check sidecar': (k, c) => {
    new NlbUdpLoadBalancer(c, 'game', {
      metadata: { name: 'game' },
      selector: server(k, c, 'Deployment', 7777),
      ports: [{ name: 'game', port: 7777 }],
      healthSidecar: { probes: [UdpProbe.exchange(7777, { payload: 'ping', expect: 'pong' })] },
    });
  },
  'NlbUdpLoadBalancer, TCP_UDP port': (k, c) => {
    new NlbUdpLoadBalancer(c, 'dns', {
      metadata: { name: 'dns' },
      selector: server(k, c, 'Deployment', 1053),
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, targetPort: 1053, protocol: NlbProtocol.TCP_UDP }],
    });
  },
  'UdpHealthCheck on a DaemonSet, with resources of the same major, and a SrvRecord': (k, c) => {
    const ds = server(k, c, 'DaemonSet', 514);
    new UdpService(c, 'syslog', { metadata: { name: 'syslog' }, selector: ds, ports: [{ port: 514 }] });
    UdpHealthCheck.addTo(ds, {
      probes: [UdpProbe.bound(514)],
      tcpPort: 10081,
      resources: { cpu: { request: k.Cpu.millis(10), limit: k.Cpu.millis(50) } },
    });
    new SrvRecord(c, 'srv', {
      service: 'syslog',
      protocol: SrvProtocol.UDP,
      domain: 'example.com',
      targets: [{ host: 'syslog.example.com', port: 514 }],
    });
  },
};

/** What the library is answerable for in a workload: its containers' ports and probes, the sidecar, volumes, annotations. */
function adjusted(workload: any): unknown {
  const template = workload.kind === 'Pod' ? workload : workload.spec.template;
  const spec = template.spec;
  return {
    kind: workload.kind,
    name: workload.metadata.name,
    annotations: template.metadata?.annotations,
    containers: spec.containers.map((c: any) => ({
      name: c.name,
      ports: c.ports,
      startupProbe: c.startupProbe,
      readinessProbe: c.readinessProbe,
      ...c.name === 'udp-health' ? { sidecar: c } : {},
    })),
    volumes: spec.volumes,
  };
}

function synth(k: Plus, program: (k: Plus, scope: Chart) => void): { library: any[]; workloads: unknown[]; all: any[] } {
  const app = Testing.app();
  const chart = new Chart(app, 'test');
  program(k, chart);
  const all = Testing.synth(chart);
  const library = all.filter((o) => !WORKLOAD_KINDS.includes(o.kind));
  const workloads = all.filter((o) => WORKLOAD_KINDS.includes(o.kind)).map(adjusted);
  return { library, workloads, all };
}

test('the majors installed for the matrix are the supported ones', () => {
  const majors = MAJORS.map(([name]) => Number(/cdk8s-plus-(\d+)/.exec(name)![1]));
  expect(majors).toEqual([28, 29, 30, 31, 32, 32, 33]);
  expect([...new Set(majors)]).toEqual([...SUPPORTED_CDK8S_PLUS_MAJORS]);
  // the copy is another package to JavaScript: instanceof would not recognize its workloads
  expect(plus32copy.Deployment).not.toBe(plus32.Deployment);
});

describe.each(Object.entries(PROGRAMS))('%s', (_name, program) => {
  const reference = synth(plus28, program);

  test('cdk8s-plus-28 output is valid for the 1.28 schema and has the UDP adjustments', () => {
    expectFitsKubernetes128(reference.all);
    for (const workload of reference.workloads as any[]) {
      for (const container of workload.containers) {
        // no TCP startup probe left on a port that is declared UDP only
        const port = container.startupProbe?.tcpSocket?.port;
        const declared = (container.ports ?? []).filter((p: any) => p.containerPort === port);
        if (declared.length > 0) expect(declared.map((p: any) => p.protocol ?? 'TCP')).toContain('TCP');
      }
    }
  });

  test.each(MAJORS.slice(1))('%s: the same library objects and the same workload adjustments', (_major, k) => {
    const result = synth(k, program);
    expect(result.library).toEqual(reference.library);
    expect(result.workloads).toEqual(reference.workloads);
  });
});

describe.each(MAJORS)('%s', (_major, k) => {
  test('a portNumber port behind a UdpService becomes UDP and loses the TCP startup probe', () => {
    const c = Testing.chart();
    const workload = server(k, c, 'Deployment', 7777);
    new UdpService(c, 'game', { metadata: { name: 'game' }, selector: workload, ports: [{ port: 7777 }] });
    const [deployment] = Testing.synth(c).filter((o) => o.kind === 'Deployment');
    const [container] = deployment.spec.template.spec.containers;
    expect(container.ports).toEqual([{ containerPort: 7777, protocol: 'UDP' }]);
    expect(container.startupProbe).toBeUndefined();
  });

  test('a TCP_UDP port of an NlbUdpLoadBalancer declares the container port for both protocols', () => {
    const c = Testing.chart();
    new NlbUdpLoadBalancer(c, 'dns', {
      metadata: { name: 'dns' },
      selector: server(k, c, 'Deployment', 1053),
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, targetPort: 1053, protocol: NlbProtocol.TCP_UDP }],
    });
    const [deployment] = Testing.synth(c).filter((o) => o.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 1053 },
      { containerPort: 1053, protocol: 'UDP' },
    ]);
  });

  test('the health-check sidecar joins the workload, and the workload rules see it', () => {
    const app = new App();
    const c = new Chart(app, 'test');
    const workload = server(k, c, 'Deployment', 7777);
    const nlb = new NlbUdpLoadBalancer(c, 'game', { metadata: { name: 'game' }, selector: workload, ports: [{ port: 7777 }] });
    expect(nlb.healthSidecar?.container?.name).toBe('udp-health');
    expect(workload.containers.map((container: any) => container.name)).toEqual(['server', 'udp-health']);
    expect(UdpRules.findings(c).map((f) => f.ruleId)).toEqual([]);
  });
});
