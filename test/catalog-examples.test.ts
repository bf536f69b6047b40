/**
 * The catalog's examples are the per-rule fixtures: for every rule, its `bad` example is reported with the rule's id
 * and its `good` example is not (and has no error at all). Object examples run through the linter's engine; code
 * examples build the construct (cdk8s, then the chart's findings) or the Pulumi component (its thrown error and its
 * warnings).
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { MockResourceRecorder } from '../src/aws/mock-recorder';
import { RULE_CATALOG } from '../src/core/catalog';
import { Severity } from '../src/core/finding';
import { RuleExample, RuleInfo } from '../src/core/rule-info';
import { GatewayApiChannel } from '../src/model/gateway-implementation';
import { KubernetesVersion } from '../src/model/kubernetes-version';
import { LoadBalancerProvider } from '../src/model/load-balancer-provider';
import { checkObjects, KubeObject } from '../src/rules';
import { OBJECT_RULES } from '../src/rules/catalog';
import { UdpRules } from '../src/validation/rule-validation';

MockResourceRecorder.start({ project: 'catalog', stack: 'examples' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cdk8sEntry = require('../src') as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pulumiEntry = require('../src/pulumi') as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pulumi = require('@pulumi/pulumi') as typeof import('@pulumi/pulumi');

UdpRules.onWarning(() => undefined);

/** A finding's rule id and severity. */
interface Reported { readonly id: string; readonly severity: Severity }

/** The container of `deployment`: UDP 53, a readiness signal, two replicas. */
function scope(): { chart: Chart; deployment: kplus.Deployment } {
  const chart = new Chart(new App(), 'chart');
  const deployment = new kplus.Deployment(chart, 'coredns', {
    replicas: 2,
    containers: [{
      name: 'coredns',
      image: 'coredns/coredns:1.11.1',
      ports: [{ number: 53, protocol: kplus.Protocol.UDP, name: 'dns' }, { number: 8080, name: 'health' }],
      readiness: kplus.Probe.fromHttpGet('/health', { port: 8080 }),
      securityContext: { ensureNonRoot: false },
    }],
  });
  return { chart, deployment };
}

function run(code: string, names: Record<string, unknown>): void {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function(...Object.keys(names), js)(...Object.values(names));
}

function reportedBy(example: RuleExample): Reported[] {
  if (example.objects) {
    return checkObjects(example.objects as KubeObject[], OBJECT_RULES, {
      kubernetesVersion: example.kubernetesVersion ? KubernetesVersion.parse(example.kubernetesVersion) : undefined,
      provider: example.provider ? LoadBalancerProvider.parse(example.provider) : undefined,
      externalDnsVersion: example.externalDnsVersion,
      gatewayApiChannel: example.gatewayApiChannel as GatewayApiChannel | undefined,
    }).map((f) => ({ id: f.ruleId, severity: f.severity }));
  }
  const code = example.code ?? '';
  if (example.pulumi) {
    const reported: Reported[] = [];
    const warn = jest.spyOn(pulumi.log, 'warn').mockImplementation(async (message: string) => {
      for (const [, id] of message.matchAll(/\[(UDP\d+)\]/g)) reported.push({ id, severity: Severity.WARNING });
    });
    try {
      run(code, { ...pulumiEntry });
    } catch (error) {
      for (const [, id] of String((error as Error).message).matchAll(/\[(UDP\d+)\]/g)) reported.push({ id, severity: Severity.ERROR });
    } finally {
      warn.mockRestore();
    }
    return reported;
  }
  const { chart, deployment } = scope();
  try {
    run(code, { ...cdk8sEntry, chart, deployment, Duration, Size, kplus });
  } catch (error) {
    // a construct that cannot be built at all throws its finding at once
    return [...String((error as Error).message).matchAll(/\[(UDP\d+)\]/g)].map(([, id]) => ({ id, severity: Severity.ERROR }));
  }
  return UdpRules.findings(chart).map((f) => ({ id: f.ruleId, severity: f.severity }));
}

const ruleCases = RULE_CATALOG.map((rule) => [rule.id, rule] as [string, RuleInfo]);

describe.each(ruleCases)('%s', (id, rule) => {
  test('its bad example is reported', () => {
    expect(reportedBy(rule.bad).map((r) => r.id)).toContain(id);
  });

  test('its good example is not, and has no error', () => {
    const reported = reportedBy(rule.good);
    expect(reported.filter((r) => r.id === id || r.severity === Severity.ERROR)).toEqual([]);
  });

  test('both examples are of one kind: objects, or code', () => {
    expect(Boolean(rule.bad.objects)).toBe(Boolean(rule.good.objects));
    expect(Boolean(rule.bad.objects)).toBe(OBJECT_RULES.some((r) => r.id === id));
  });
});
