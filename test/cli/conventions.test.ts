/* The command line's conventions: one --format vocabulary, help with examples and exit codes, --version, SARIF links,
 * one spelling per provider. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, ROOT, run } from './helpers';
import { LoadBalancerProvider } from '../../src';
import { PROVIDER_FORMS } from '../../src/model/load-balancer-provider';

test('--version prints the package version', async () => {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

test('lint --help shows examples and the exit codes; the root help shows every command', async () => {
  const help = (await run(['lint', '--help'])).stdout;
  expect(help).toContain('Examples:\n  k8s-udp lint dist/');
  expect(help).toContain('Exit codes:\n  0  no error finding');
  expect(help.replace(/\s+/g, ' ')).toContain(`the load-balancer implementation: ${PROVIDER_FORMS}`);
  const root = (await run(['--help'])).stdout;
  for (const command of ['lint', 'rules', 'preview']) expect(root).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
});

test('one --format vocabulary: human (the default) and json everywhere, sarif for lint', async () => {
  const human = await run(['rules', '--format', 'human']);
  expect(human.code).toBe(0);
  expect(human.stdout).toBe((await run(['rules'])).stdout);
  expect(JSON.parse((await run(['rules', '--format', 'json'])).stdout).length).toBe(human.stdout.trim().split('\n').length);
  expect((await run(['rules', '--format', 'text'])).code).toBe(2);
});

test('SARIF names the tool\'s home (informationUri)', async () => {
  const sarif = JSON.parse((await run(['lint', fixture('list.json'), '--format', 'sarif'])).stdout);
  expect(sarif.runs[0].tool.driver.informationUri).toBe('https://www.npmjs.com/package/k8s-udp-constructs');
});

test('providers are read in one spelling, and a form that is none is refused rather than read as another', () => {
  expect(PROVIDER_FORMS).toBe('aws-lbc[:version], aws-in-tree, gke[:backend-service|:internal][:version], aks[:shared-probe], metallb[:version], cilium[:bgp-control-plane|:l2-announcer], kube-vip, generic[:mixed]');
  expect(LoadBalancerProvider.parse('gke:backend-service').mixedProtocol().supported).toBe(true);
  for (const bad of ['gke:foo', 'aks:x', 'generic:yes', 'azure']) {
    expect(() => LoadBalancerProvider.parse(bad)).toThrow(`"${bad}" is not a provider (${PROVIDER_FORMS})`);
  }
});

test('a usage error is named after the command that ran', async () => {
  const diagram = await run(['diagram', fixture('list.json'), '--kubernetes-version', 'latest']);
  expect(diagram.code).toBe(2);
  expect(diagram.stderr).toMatch(/^k8s-udp diagram: --kubernetes-version: "latest" is not a Kubernetes version/);
  const lint = await run(['lint', fixture('list.json'), '--kubernetes-version', 'latest']);
  expect(lint.stderr).toMatch(/^k8s-udp lint: --kubernetes-version: /);
});
