import * as kplus from 'cdk8s-plus-28';
import { chart, only } from './helpers';
import { Sources, UdpRules, UdpService } from '../../src';
import { recognizeSelection } from '../../src/workloads/recognize';
import { Workload } from '../../src/workloads/workload';

const IMAGE = 'coredns/coredns:1.11.1';

describe('a cdk8s-plus workload behind a UdpService is made right for UDP', () => {
  test('portNumber becomes a UDP container port and the TCP startup probe cdk8s-plus derives from it is removed', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'dns', { containers: [{ image: IMAGE, portNumber: 53 }] });
    // cdk8s-plus alone: a TCP port and a TCP startup probe that a UDP-only server never passes
    const before = deployment.containers[0];
    expect(before.ports).toEqual([{ number: 53 }]);
    new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 53 }] });
    const container = only(c, 'Deployment').spec.template.spec.containers[0];
    expect(container.ports).toEqual([{ containerPort: 53, protocol: 'UDP' }]);
    expect(container.startupProbe).toBeUndefined();
  });

  test('without the UdpService, cdk8s-plus emits the TCP port and the TCP startup probe (what the adjustment fixes)', () => {
    const c = chart();
    new kplus.Deployment(c, 'dns', { containers: [{ image: IMAGE, portNumber: 53 }] });
    const container = only(c, 'Deployment').spec.template.spec.containers[0];
    expect(container.ports).toEqual([{ containerPort: 53 }]);
    expect(container.startupProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 53 } });
  });

  test('a port declared TCP on purpose keeps TCP and gets a UDP twin; the startup probe stays (TCP answers)', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'dns', {
      containers: [{ image: IMAGE, portNumber: 8080, ports: [{ number: 53, protocol: kplus.Protocol.TCP, name: 'dns-tcp' }] }],
    });
    new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 53 }] });
    const container = only(c, 'Deployment').spec.template.spec.containers[0];
    expect(container.ports).toEqual([
      { containerPort: 8080 },
      { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
    ]);
    expect(container.startupProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 8080 } });
  });

  test('a target port no container declares is added to the only container', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'statsd', { containers: [{ image: 'statsd/statsd:v0.10.2' }] });
    new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 8125 }] });
    expect(only(c, 'Deployment').spec.template.spec.containers[0].ports).toEqual([{ containerPort: 8125, protocol: 'UDP' }]);
  });

  test('with several containers, an undeclared numeric target is left alone (which container serves it is unknown)', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'app', {
      containers: [{ image: 'a:1', name: 'a' }, { image: 'b:1', name: 'b' }],
    });
    new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 8125 }] });
    const containers = only(c, 'Deployment').spec.template.spec.containers;
    expect(containers.map((x: any) => x.ports)).toEqual([undefined, undefined]);
  });

  test('a named target port declared without protocol becomes UDP', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'dns', {
      containers: [{ image: IMAGE, ports: [{ number: 1053, name: 'dns' }] }],
    });
    new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 53, targetPort: 'dns' }] });
    expect(only(c, 'Deployment').spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 1053, name: 'dns', protocol: 'UDP' },
    ]);
    expect(UdpRules.findings(c).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a named target port declared TCP on purpose is an error: the UDP port would have no endpoints', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'dns', {
      containers: [{ image: IMAGE, ports: [{ number: 1053, name: 'dns', protocol: kplus.Protocol.TCP }] }],
    });
    new UdpService(c, 'svc', { metadata: { name: 'dns' }, selector: deployment, ports: [{ port: 53, targetPort: 'dns' }] });
    expect(UdpRules.messages(c).filter((m) => m.startsWith('[UDP201]'))).toEqual([
      `[UDP201] test/svc: spec.ports[0].targetPort "dns": Deployment/${deployment.name} declares "dns" as TCP, so this UDP port has no endpoints there (a container port named "dns" with protocol UDP; ${Sources.FIND_PORT}) Fix: declare the container port with protocol UDP (a TCP twin needs another name)`,
    ]);
  });

  test('works for StatefulSet, DaemonSet and Pod too', () => {
    const c = chart();
    const sts = new kplus.StatefulSet(c, 'sts', {
      containers: [{ image: IMAGE, portNumber: 53 }],
      service: new kplus.Service(c, 'governing', { clusterIP: 'None', ports: [{ port: 53, protocol: kplus.Protocol.UDP }] }),
    });
    const ds = new kplus.DaemonSet(c, 'ds', { containers: [{ image: IMAGE, portNumber: 53 }] });
    const pod = new kplus.Pod(c, 'pod', { containers: [{ image: IMAGE, portNumber: 53 }] });
    new UdpService(c, 'a', { selector: sts, ports: [{ port: 53 }] });
    new UdpService(c, 'b', { selector: ds, ports: [{ port: 53 }] });
    new UdpService(c, 'd', { selector: pod, ports: [{ port: 53 }] });
    for (const container of [sts, ds, pod].map((w) => w.containers[0])) {
      expect(container.ports).toEqual([{ number: 53, protocol: 'UDP' }]);
    }
  });

  test('a container added after the Service is not adjusted, and the rules say what is wrong', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'dns', { replicas: 2, containers: [] });
    new UdpService(c, 'svc', { metadata: { name: 'dns' }, selector: deployment, ports: [{ port: 53 }] });
    deployment.addContainer({ image: IMAGE, portNumber: 53 });
    const path = 'spec.template.spec.containers[0]';
    expect(UdpRules.messages(c)).toEqual([
      `[UDP202] test/svc: ${path}.ports[0].protocol (unset): declares containerPort 53 as TCP only, but UDP Service "dns" targets it over UDP (protocol UDP (add a UDP entry if the port also serves TCP); ${Sources.SERVICE_VALIDATION})`,
      `[UDP204] test/svc: spec.template.spec.containers ["main"]: no container has a readinessProbe, yet UDP Service "dns" sends traffic to these pods (a readinessProbe that fails when the UDP server is dead; ${Sources.CONNTRACK}) Fix: add the UDP health-check sidecar (UdpHealthCheck.addTo) or an exec readinessProbe`,
      // an error: the TCP startup probe cdk8s-plus derived for the late container never passes on a UDP-only server
      `[UDP206] test/svc: ${path}.startupProbe.tcpSocket.port 53: probes port 53 over TCP, but only UDP Services send traffic to it and container "main" declares it with no protocol, so a UDP-only server never passes the probe (the port declared with protocol UDP, and a probe on a TCP or HTTP port that reflects the UDP server's health; ${Sources.PROBES}) Fix: declare the port UDP and drop the TCP probe (k8s-udp-constructs does both for cdk8s-plus workloads); silence UDP206 if the server also listens on TCP there`,
    ]);
  });

  test('a readinessProbe on the workload silences the no-readiness warning', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'dns', {
      containers: [{ image: IMAGE, portNumber: 53, readiness: kplus.Probe.fromCommand(['dig', '@127.0.0.1', 'health.check']) }],
    });
    new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 53 }] });
    expect(UdpRules.findings(c)).toEqual([]);
  });
});

/** The fields of a container the rules read. */
const RULE_FIELDS = ['name', 'image', 'ports', 'startupProbe', 'readinessProbe', 'livenessProbe'];
const ruleFields = (containers: any[]) => containers.map((container) =>
  Object.fromEntries(RULE_FIELDS.filter((field) => container[field] !== undefined).map((field) => [field, container[field]])));

describe('the objects the rules see are the objects synthesis emits (the fields the rules read)', () => {
  test.each(['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'])('%s', (kind) => {
    const c = chart();
    const containers = [{ image: IMAGE, portNumber: 53, readiness: kplus.Probe.fromTcpSocket({ port: 8080 }) }];
    const workload = kind === 'Deployment' ? new kplus.Deployment(c, 'w', { replicas: 3, containers })
      : kind === 'StatefulSet' ? new kplus.StatefulSet(c, 'w', { containers, service: new kplus.Service(c, 'gov', { clusterIP: 'None', ports: [{ port: 53 }] }) })
        : kind === 'DaemonSet' ? new kplus.DaemonSet(c, 'w', { containers })
          : new kplus.Pod(c, 'w', { containers, metadata: { labels: { app: 'dns' } } });
    new UdpService(c, 'svc', { metadata: { name: 'dns' }, selector: workload, ports: [{ port: 53 }] });
    const emitted = only(c, kind);
    const [seen] = (recognizeSelection(workload) as { workload: Workload }).workload.render() as any[];
    expect(seen.kind).toBe(emitted.kind);
    expect(seen.metadata).toEqual(emitted.metadata);
    if (kind === 'Pod') {
      expect(seen.spec.containers).toEqual(ruleFields(emitted.spec.containers));
    } else {
      expect(seen.spec.replicas).toEqual(emitted.spec.replicas);
      expect(seen.spec.template.metadata.labels).toEqual(emitted.spec.template.metadata.labels);
      expect(seen.spec.template.spec.containers).toEqual(ruleFields(emitted.spec.template.spec.containers));
    }
  });
});

test('an autoscaled Deployment is not reported as a single replica', () => {
  const c = chart();
  const deployment = new kplus.Deployment(c, 'dns', {
    containers: [{ image: IMAGE, portNumber: 53, readiness: kplus.Probe.fromHttpGet('/ready', { port: 8181 }), resources: { cpu: { request: kplus.Cpu.millis(100) } } }],
  });
  new kplus.HorizontalPodAutoscaler(c, 'hpa', { target: deployment, minReplicas: 2, maxReplicas: 5 });
  new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 53 }] });
  expect(only(c, 'Deployment').spec.replicas).toBeUndefined();
  expect(UdpRules.findings(c)).toEqual([]);
});
