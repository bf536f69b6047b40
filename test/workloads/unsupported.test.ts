/*
 * An object that looks like a workload but cannot be adjusted is an error at synthesis, for every construct that
 * takes a workload: never exit 0 with a TCP probe on a UDP-only port, never read as bare labels.
 */
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as plus28 from 'cdk8s-plus-28';
import * as plus29 from 'cdk8s-plus-29';
import * as plus30 from 'cdk8s-plus-30';
import * as plus31 from 'cdk8s-plus-31';
import * as plus32 from 'cdk8s-plus-32';
import * as plus33 from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import {
  DualProtocolEndpoint, IPlusWorkload, NlbUdpLoadBalancer, PodSelection, UdpHealthCheck, UdpProbe, UdpRules, UdpService,
} from '../../src';

UdpRules.onWarning(() => undefined);

/** A Deployment of a major the library does not support (the jsii type information names cdk8s-plus-27). */
class Plus27Deployment extends plus28.Deployment {}
(Plus27Deployment as unknown as Record<symbol, unknown>)[Symbol.for('jsii.rtti')] = { fqn: 'cdk8s-plus-27.Deployment', version: '2.0.0' };

const CONTAINERS = [{ name: 'server', image: 'example/udp-server:1.0', portNumber: 7777 }];

/** The objects that look like workloads and cannot be adjusted, with how messages name them. */
const UNSUPPORTED: Array<[string, (c: Chart) => unknown, string, string]> = [
  [
    'a Deployment of cdk8s-plus-27',
    (c) => new Plus27Deployment(c, 'server', { containers: CONTAINERS }),
    'Deployment test/server (cdk8s-plus-27)',
    'comes from cdk8s-plus-27, a major this library does not support',
  ],
  [
    'a hand-made ApiObject of kind Deployment',
    (c) => new ApiObject(c, 'server', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: { containers: [] } } } }),
    'ApiObject test/server',
    'is a hand-made Deployment object, whose containers the library cannot read or adjust',
  ],
  [
    'a construct of an unknown class with containers',
    (c) => Object.assign(new Construct(c, 'server'), { containers: [], toPodSelectorConfig: () => ({}) }),
    'Construct test/server',
    'is an object of a class the library does not know',
  ],
];

const ALLOWED = 'a Pod, Deployment, StatefulSet, DaemonSet or Job of cdk8s-plus-28 to cdk8s-plus-33, Pods.select(...), or plain labels';
const SOURCE = 'https://cdk8s.io/docs/latest/plus/';

function errorsOf(c: Chart): string[] {
  return UdpRules.findings(c).filter((f) => f.severity === 'error').map((f) => `[${f.ruleId}] ${f.field}: ${f.message}`);
}

describe.each(UNSUPPORTED)('%s', (_name, make, given, problem) => {
  test('UdpService: UDP142, and synthesis fails', () => {
    const c = Testing.chart();
    new UdpService(c, 'svc', { selector: make(c) as PodSelection, ports: [{ port: 7777 }] });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP142] test/svc: selector "${given}": ${problem} (${ALLOWED}; ${SOURCE})`,
    ]);
    expect(() => Testing.synth(c)).toThrow('[UDP142]');
  });

  test('DualProtocolEndpoint: UDP142 on each Service it makes', () => {
    const c = Testing.chart();
    new DualProtocolEndpoint(c, 'dns', { metadata: { name: 'dns' }, selector: make(c) as PodSelection, ports: [{ name: 'dns', port: 53 }] });
    expect(errorsOf(c)).toEqual([`[UDP142] selector: ${problem}`]);
  });

  test('NlbUdpLoadBalancer: UDP142, no sidecar, no second finding about the sidecar', () => {
    const c = Testing.chart();
    const nlb = new NlbUdpLoadBalancer(c, 'game', { metadata: { name: 'game' }, selector: make(c) as PodSelection, ports: [{ port: 7777 }] });
    expect(nlb.healthSidecar).toBeUndefined();
    expect(errorsOf(c)).toEqual([`[UDP142] selector: ${problem}`]);
  });

  test('UdpHealthCheck: UDP601 naming what was given', () => {
    const c = Testing.chart();
    const check = UdpHealthCheck.addTo(make(c) as Construct, { probes: [UdpProbe.bound(7777)] });
    expect(check.container).toBeUndefined();
    expect(UdpRules.messages(c)).toEqual([
      `[UDP601] test/server/UdpHealthCheck: workload "${given}": ${problem} `
      + `(a Pod, Deployment, StatefulSet or DaemonSet of cdk8s-plus-28 to cdk8s-plus-33; ${SOURCE})`,
    ]);
  });
});

test('the unsupported Deployment is left as cdk8s-plus made it: the error is what stops it', () => {
  const c = Testing.chart();
  const old = new Plus27Deployment(c, 'server', { containers: CONTAINERS });
  new UdpService(c, 'svc', { selector: old, ports: [{ port: 7777 }] });
  expect(old.containers[0].ports).toEqual([{ number: 7777 }]);
});

test('values that are no object at all are UDP142 too (untyped input), never read as labels', () => {
  const c = Testing.chart();
  new UdpService(c, 'a', { selector: 'app=dns' as unknown as PodSelection, ports: [{ port: 53 }] });
  new UdpService(c, 'b', { selector: { app: 5 } as unknown as PodSelection, ports: [{ port: 53 }] });
  expect(errorsOf(c)).toEqual([
    '[UDP142] selector: is not a workload, a pod selector or labels',
    '[UDP142] selector: has label values that are not strings',
  ]);
});

test('TypeScript accepts a workload, a pod and a selector of every supported major where the library takes one', () => {
  const c = Testing.chart();
  const containers = [{ image: 'example/udp-server:1.0' }];
  // each line type-checks only if the major's class fits the library's types (the type check of this file is the test)
  const selections: PodSelection[] = [
    new plus28.Deployment(c, 'd28', { containers }),
    new plus29.StatefulSet(c, 's29', { containers, service: new plus29.Service(c, 'p29', { clusterIP: 'None', ports: [{ port: 1 }] }) }),
    new plus30.DaemonSet(c, 'ds30', { containers }),
    new plus31.Pod(c, 'p31', { containers }),
    new plus32.Deployment(c, 'd32', { containers }),
    new plus33.Job(c, 'j33', { containers }),
    plus32.Pods.select(c, 'sel32', { labels: { app: 'x' } }),
    { app: 'x' },
  ];
  const workloads: IPlusWorkload[] = [new plus32.Deployment(c, 'w32', { containers }), new plus33.Pod(c, 'w33', { containers })];
  UdpHealthCheck.addTo(workloads[0], { probes: [UdpProbe.bound(1)], resources: { cpu: { request: plus32.Cpu.millis(5) } } });
  expect(selections).toHaveLength(8);
  expect(workloads.map((w) => w.containers.length)).toEqual([2, 1]);
});
