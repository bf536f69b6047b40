/*
 * The rules run once per chart per synthesis, however many times cdk8s validates the app during it (once at the start
 * of app.synth()/synthYaml() and once more per chart), and always again for the next synthesis.
 */
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { UdpRules, UdpService } from '../../src';
import * as engine from '../../src/rules/engine';

UdpRules.onWarning(() => undefined);

function app(charts: number): { app: App; services: UdpService[] } {
  const root = Testing.app();
  const services: UdpService[] = [];
  for (let i = 0; i < charts; i++) {
    const chart = new Chart(root, `c${i}`);
    const dns = new kplus.Deployment(chart, 'dns', { replicas: 2, containers: [{ image: 'coredns/coredns:1.11.1', portNumber: 53 }] });
    services.push(new UdpService(chart, 'svc', { metadata: { name: 'dns' }, selector: dns, ports: [{ port: 53 }] }));
    UdpRules.silence(chart, 'UDP204');
  }
  return { app: root, services };
}

let runs: jest.SpyInstance;
beforeEach(() => {
  runs = jest.spyOn(engine, 'checkObjects');
});
afterEach(() => runs.mockRestore());

test('app.synthYaml() of 3 charts runs the object rules 3 times, once per chart, though cdk8s validates 4 times', () => {
  const { app: root } = app(3);
  root.synthYaml();
  expect(runs).toHaveBeenCalledTimes(3);
});

test('app.synth() of 3 charts: the same', () => {
  const { app: root } = app(3);
  root.synth();
  expect(runs).toHaveBeenCalledTimes(3);
});

test('each synthesis runs them again, so that a change between two syntheses is found', () => {
  const { app: root, services } = app(1);
  expect(() => root.synthYaml()).not.toThrow();
  services[0].addPort({ port: 70000 });
  expect(() => root.synthYaml()).toThrow('[UDP101]');
  expect(runs).toHaveBeenCalledTimes(2);
});

test('a chart synthesized alone (chart.toJson(), Testing.synth) runs them once per chart of the app, and again the next time', () => {
  // cdk8s validates the whole app for the synthesis of one chart
  const { app: root } = app(2);
  const chart = root.node.findChild('c0') as Chart;
  Testing.synth(chart);
  expect(runs).toHaveBeenCalledTimes(2);
  chart.toJson();
  expect(runs).toHaveBeenCalledTimes(4);
});

test('findings read outside a synthesis are always found afresh', () => {
  const { app: root, services } = app(1);
  expect(UdpRules.findings(root).map((f) => f.ruleId)).toEqual([]);
  services[0].addPort({ port: 70000 });
  expect(UdpRules.findings(root).map((f) => f.ruleId)).toContain('UDP101');
});
