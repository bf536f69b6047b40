import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fixture, run } from './helpers';
import { artifactUri, SARIF_SCHEMA } from '../../src/cli/report';
import { RULES } from '../../src/core/catalog';
import { OBJECT_RULES } from '../../src/rules/catalog';

/**
 * The SARIF 2.1.0 schema's definitions for everything k8s-udp writes, transcribed from the OASIS schema (see the
 * file's `$comment`): the full schema cannot be fetched at test time.
 */
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'sarif-schema-2.1.0-subset.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface SarifRule {
  id: string;
  helpUri: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: string };
}
interface SarifInvocation {
  executionSuccessful: boolean;
  toolExecutionNotifications: Array<{ level: string; message: { text: string }; locations: unknown[] }>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
}
interface SarifLog {
  version: string;
  $schema: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    invocations: SarifInvocation[];
    results: SarifResult[];
  }>;
}

async function sarif(argv: string[]): Promise<{ code: number; log: SarifLog }> {
  const result = await run(['lint', ...argv, '--format', 'sarif']);
  return { code: result.code, log: JSON.parse(result.stdout) as SarifLog };
}

describe('--format sarif', () => {
  test('valid against the SARIF 2.1.0 schema, with findings, input errors and every rule', async () => {
    const { code, log } = await sarif([fixture('bad-helm.yaml'), fixture('nlb.yaml'), fixture('broken.yaml'), fixture('list.json')]);
    expect(code).toBe(2);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('k8s-udp');
    expect(sarifRun.tool.driver.rules.map((r) => r.id)).toEqual(OBJECT_RULES.map((r) => r.id));
    expect(sarifRun.tool.driver.rules.find((r) => r.id === 'UDP430')).toEqual({
      id: 'UDP430',
      shortDescription: { text: 'DNSEndpoint SRV targets in the form the ExternalDNS release publishes' },
      fullDescription: { text: OBJECT_RULES.find((r) => r.id === 'UDP430')!.why },
      // the rule's section of docs/rules.md
      helpUri: 'https://unpkg.com/k8s-udp-constructs/docs/rules.md#udp430',
      help: { text: `${RULES.UDP430.why} Fix: ${RULES.UDP430.fix} Source: https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go` },
      defaultConfiguration: { level: 'error' },
    });
    expect(sarifRun.invocations).toEqual([{
      executionSuccessful: false,
      toolExecutionNotifications: [{
        level: 'error',
        message: {
          text: `${fixture('broken.yaml')}: YAML does not parse (document from line 9): Flow sequence in block collection must be sufficiently `
            + 'indented and end with a ] (and 1 more error)',
        },
        locations: [{ physicalLocation: { artifactLocation: { uri: fixture('broken.yaml') }, region: { startLine: 15, startColumn: 1 } } }],
      }],
    }]);
    const first = sarifRun.results[0];
    expect(first).toEqual({
      ruleId: 'UDP201',
      ruleIndex: sarifRun.tool.driver.rules.findIndex((r) => r.id === 'UDP201'),
      level: 'error',
      message: {
        text: 'Service metrics/statsd: spec.ports[0].targetPort "metrics": Deployment/statsd declares "metrics" as TCP, so this UDP port has '
          + 'no endpoints there (a container port named "metrics" with protocol UDP) Fix: declare the container port with protocol UDP (a TCP '
          + 'twin needs another name)',
      },
      locations: [{
        physicalLocation: { artifactLocation: { uri: fixture('bad-helm.yaml') }, region: { startLine: 14, startColumn: 19 } },
        logicalLocations: [{ fullyQualifiedName: 'Service/metrics/statsd', kind: 'resource' }],
      }],
    });
    expect(sarifRun.results.map((r) => `${r.level} ${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`))
      .toEqual([
        'error UDP201 test/cli/fixtures/bad-helm.yaml:14',
        'warning UDP204 test/cli/fixtures/bad-helm.yaml:33',
        'warning UDP205 test/cli/fixtures/bad-helm.yaml:23',
        'error UDP203 test/cli/fixtures/bad-helm.yaml:70',
        'warning UDP204 test/cli/fixtures/bad-helm.yaml:59',
        'error UDP560 test/cli/fixtures/nlb.yaml:11',
        'error UDP561 test/cli/fixtures/nlb.yaml:11',
        'error UDP562 test/cli/fixtures/nlb.yaml:12',
        'warning UDP565 test/cli/fixtures/nlb.yaml:8',
        'error UDP430 test/cli/fixtures/nlb.yaml:37',
        'error UDP110 test/cli/fixtures/broken.yaml:8',
        'error UDP103 test/cli/fixtures/broken.yaml:25',
        'error UDP102 test/cli/fixtures/list.json:12',
      ]);
  });

  test('a clean run is valid too: no results, a successful invocation; severities and disabled rules are reflected in the rules', async () => {
    const { code, log } = await sarif([fixture('helm-coredns.yaml'), '--disable', 'UDP204', '--severity', 'UDP205=error']);
    expect(code).toBe(0);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r) => r.id)).not.toContain('UDP204');
    expect(rules.find((r) => r.id === 'UDP205')?.defaultConfiguration).toEqual({ level: 'error' });
  });

  test('the schema rejects what SARIF forbids (so the checks above mean something)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, extra: 1 }] })).toBe(false);
  });

  test('artifact URIs are relative with forward slashes and percent-encoded segments', () => {
    expect(artifactUri(path.join('charts', 'my chart', 'a#b.yaml'))).toBe('charts/my%20chart/a%23b.yaml');
  });
});
