/**
 * The README's recipe runs as written: the TypeScript block is transpiled and run against this checkout (the package
 * name maps to src/), with the app writing into a temporary directory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as cdk8s from 'cdk8s';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const recipe = /```ts\n([\s\S]*?)```/.exec(readme)![1];

/** Runs `code` as a CommonJS module and returns the objects the app wrote. */
function synthesize(code: string): any[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'recipe-'));
  class App extends cdk8s.App {
    constructor() {
      super({ outdir });
    }
  }
  const modules: Record<string, unknown> = {
    'cdk8s': { ...cdk8s, App },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    'cdk8s-plus-32': require('cdk8s-plus-32'),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    'k8s-udp-constructs': require('../src'),
  };
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('require', 'exports', js)((name: string) => modules[name], {});
  return fs.readdirSync(outdir).flatMap((file) => parseAllDocuments(fs.readFileSync(path.join(outdir, file), 'utf8')).map((d) => d.toJS()));
}

test('the recipe synthesizes: the NLB Service, the Deployment with the sidecar, the NetworkPolicy, two SRV records', () => {
  const objects = synthesize(recipe);
  const service = objects.find((o) => o.kind === 'Service');
  expect(service.metadata.annotations).toMatchObject({
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    'service.beta.kubernetes.io/aws-load-balancer-eip-allocations': 'eipalloc-0a1b2c3d4e5f60001,eipalloc-0a1b2c3d4e5f60002',
    'service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener': 'true',
    'external-dns.alpha.kubernetes.io/hostname': 'ns1.example.com',
  });
  const deployment = objects.find((o) => o.kind === 'Deployment');
  expect(deployment.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['coredns', 'udp-health']);
  expect(deployment.spec.template.spec.containers[1].readinessProbe.httpGet).toEqual({ path: '/healthz', port: 10080, scheme: 'HTTP' });
  expect(deployment.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 1053 }, { containerPort: 1053, protocol: 'UDP' }]);
  const policy = objects.find((o) => o.kind === 'NetworkPolicy');
  expect(policy.metadata.name).toBe('dns-ingress');
  expect(policy.spec.ingress).toEqual([{ ports: [{ port: 1053, protocol: 'TCP' }, { port: 1053, protocol: 'UDP' }] }]);
  const srv = objects.filter((o) => o.kind === 'DNSEndpoint').map((o) => o.spec.endpoints[0]);
  expect(srv.map((e) => [e.dnsName, e.targets])).toEqual([
    ['_domain._udp.example.com', ['10 100 53 ns1.example.com.']],
    ['_domain._tcp.example.com', ['10 100 53 ns1.example.com.']],
  ]);
});

test('a wrong value fails synthesis as the README says', () => {
  const three = recipe.replace("'eipalloc-0a1b2c3d4e5f60002']", "'eipalloc-0a1b2c3d4e5f60002', 'eipalloc-0a1b2c3d4e5f60003']");
  expect(() => synthesize(three)).toThrow('[dns/nlb] [UDP522] eips [');
});


test('the README reads in ten minutes, and no user text speaks internal jargon', () => {
  expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024);
  const docs = fs.readdirSync(path.join(__dirname, '..', 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f));
  const jargon = ['README.md', ...docs].filter((file) => /\bseed( \d{3}|:)/i.test(fs.readFileSync(path.join(__dirname, '..', file), 'utf8')));
  expect(jargon).toEqual([]);
});
