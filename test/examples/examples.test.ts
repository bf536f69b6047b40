import * as fs from 'node:fs';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { DnsClusterIp } from '../../examples/dns-clusterip/main';
import { DnsNodePort } from '../../examples/dns-nodeport/main';
import { Statsd } from '../../examples/statsd/main';
import { checkObjects, OBJECT_RULES, Severity, UdpRules } from '../../src';

UdpRules.onWarning(() => undefined);

/** apiVersion/kind pairs served by a Kubernetes 1.28 API server (the list cdk8s-plus-28 was generated with). */
const API_RESOURCES = ((): Set<string> => {
  const [header, ...rows] = fs.readFileSync(path.join(require.resolve('cdk8s-plus-28/package.json'), '..', 'api-resources.txt'), 'utf8')
    .split('\n').filter((line) => line.trim().length > 0);
  const column = (row: string, name: string) => row.slice(header.indexOf(name)).trim().split(/\s+/)[0];
  return new Set(rows.map((row) => `${column(row, 'APIVERSION')} ${column(row, 'KIND')}`));
})();

const EXAMPLES: Record<string, (app: ReturnType<typeof Testing.app>) => Chart> = {
  'dns-clusterip': (app) => new DnsClusterIp(app, 'dns-clusterip'),
  'dns-nodeport': (app) => new DnsNodePort(app, 'dns-nodeport'),
  'statsd': (app) => new Statsd(app, 'statsd'),
};

describe.each(Object.entries(EXAMPLES))('example %s', (_name, build) => {
  const chart = build(Testing.app());
  const objects = Testing.synth(chart);

  test('every object is of a kind a 1.28 API server serves', () => {
    for (const object of objects) expect(API_RESOURCES).toContain(`${object.apiVersion} ${object.kind}`);
  });

  test('the rule engine finds no error in what it synthesizes, and the construct reports none', () => {
    expect(checkObjects(objects, OBJECT_RULES).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(UdpRules.findings(chart)).toEqual([]);
  });

  test('UDP ports are declared UDP on both sides and no TCP probe targets them', () => {
    const service = objects.find((o) => o.kind === 'Service');
    const container = objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0];
    for (const port of service.spec.ports) {
      expect(port.protocol).toBe('UDP');
      expect(container.ports).toContainEqual({ containerPort: port.targetPort, protocol: 'UDP' });
    }
    expect(container.startupProbe).toBeUndefined();
    expect(container.readinessProbe).toBeDefined();
  });
});

test('dns-clusterip: seed 000 ClusterIP Service, 53/UDP to CoreDNS on 1053', () => {
  const service = Testing.synth(EXAMPLES['dns-clusterip'](Testing.app())).find((o) => o.kind === 'Service');
  expect(service.metadata).toEqual({ name: 'dns-service' });
  expect(service.spec.type).toBe('ClusterIP');
  expect(service.spec.ports).toEqual([{ port: 53, protocol: 'UDP', targetPort: 1053 }]);
});

test('dns-nodeport: seed 000 NodePort 30053', () => {
  const service = Testing.synth(EXAMPLES['dns-nodeport'](Testing.app())).find((o) => o.kind === 'Service');
  expect(service.spec.type).toBe('NodePort');
  expect(service.spec.ports).toEqual([{ port: 53, protocol: 'UDP', targetPort: 1053, nodePort: 30053 }]);
});

test('statsd: seed 004, one replica on purpose (UDP205 silenced), readiness from the TCP admin port', () => {
  const objects = Testing.synth(EXAMPLES.statsd(Testing.app()));
  const deployment = objects.find((o) => o.kind === 'Deployment');
  expect(deployment.spec.replicas).toBe(1);
  expect(deployment.spec.template.spec.containers[0].readinessProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 8126 } });
  expect(checkObjects(objects, OBJECT_RULES).map((f) => f.ruleId)).toEqual(['UDP205']);
});
