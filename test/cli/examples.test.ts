import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Chart, Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { ROOT, run } from './helpers';
import { UdpRules } from '../../src';
import { JsonReport } from '../../src/cli/report';

UdpRules.onWarning(() => undefined);

/** Every cdk8s example (a folder with cdk8s.yaml), with the chart classes its main.ts exports. */
function examples(): Array<[string, Array<new (scope: App, id: string) => Chart>]> {
  const dir = path.join(ROOT, 'examples');
  return fs.readdirSync(dir).sort()
    .filter((name) => fs.existsSync(path.join(dir, name, 'cdk8s.yaml')))
    .map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(path.join(dir, name, 'main')) as Record<string, unknown>;
      const charts = Object.values(module).filter((value): value is new (scope: App, id: string) => Chart =>
        typeof value === 'function' && Object.prototype.isPrototypeOf.call(Chart.prototype, value.prototype));
      return [name, charts];
    });
}

/** The YAML `cdk8s synth` writes for a chart: its objects as documents separated by `---`. */
function synthYaml(chart: Chart): string {
  return Testing.synth(chart).map((object) => stringify(object)).join('---\n');
}

const ALL = examples();

test('there are cdk8s examples, each exporting its chart', () => {
  expect(ALL.length).toBeGreaterThanOrEqual(3);
  for (const [name, charts] of ALL) expect([name, charts.length]).toEqual([name, 1]);
});

describe.each(ALL)('example %s lints clean', (name, charts) => {
  test('exit 0 and no error: what the constructs emit passes the linter\'s rules', async () => {
    const yaml = charts.map((Chart_) => synthYaml(new Chart_(Testing.app(), name))).join('---\n');
    const result = await run(['lint', '-', '--stdin-name', `dist/${name}/${name}.k8s.yaml`, '--format', 'json'], { stdin: yaml });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect({ code: result.code, errors: report.findings.filter((f) => f.severity === 'error').map((f) => f.text) })
      .toEqual({ code: 0, errors: [] });
    expect(report.summary.objects).toBeGreaterThan(0);
    expect(report.inputErrors).toEqual([]);
  });
});

test('statsd keeps one replica on purpose: its disable-rules annotation silences UDP205 for the linter too', async () => {
  const statsd = ALL.find(([name]) => name === 'statsd');
  expect(statsd).toBeDefined();
  const [, [Statsd]] = statsd!;
  const result = await run(['lint', '-', '--format', 'json'], { stdin: synthYaml(new Statsd(Testing.app(), 'statsd')) });
  expect((JSON.parse(result.stdout) as JsonReport).findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual([]);
  expect(result.code).toBe(0);
});
