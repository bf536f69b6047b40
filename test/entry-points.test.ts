import * as fs from 'node:fs';
import * as path from 'node:path';
import * as root from '../src';
import * as rules from '../src/rules';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

describe('the cdk8s entry point is narrow', () => {
  const names = Object.keys(root);

  test('no check helpers but checkObjects, no rule constants but the catalog', () => {
    expect(names.filter((name) => /^check[A-Z]/.test(name))).toEqual(['checkObjects']);
    expect(names.filter((name) => /^[A-Z][A-Z0-9_]+$/.test(name)).sort()).toEqual(['OBJECT_RULES', 'RULES', 'RULE_CATALOG', 'SUPPORTED_CDK8S_PLUS_MAJORS']);
  });

  test('no internals of the constructs', () => {
    for (const name of ['adjustWorkloadPorts', 'markAuxiliaryContainer', 'isAuxiliaryContainer', 'addRuleValidation', 'resolveSelector', 'Sources']) {
      expect(names).not.toContain(name);
    }
  });

  test('the rules one by one and the checks of values are in k8s-udp-constructs/rules', () => {
    expect(Object.keys(rules)).toEqual(expect.arrayContaining([
      'SERVICE_PORT_RANGE', 'NLB_EIP_SCHEME', 'checkHealthCheck', 'checkPlacement', 'checkObjects', 'DISABLE_RULES_ANNOTATION',
    ]));
  });
});

test('every subpath of package.json exports resolves under node10 too (typesVersions), to the same declarations', () => {
  const exports = pkg.exports as Record<string, { types?: string } | string>;
  const subpaths = Object.entries(exports).filter(([subpath, target]) => subpath !== '.' && typeof target === 'object');
  expect(subpaths.map(([subpath]) => subpath)).toEqual(['./rules', './pulumi']);
  for (const [subpath, target] of subpaths) {
    const types = (target as { types: string }).types;
    expect(pkg.typesVersions['*'][subpath.slice(2)]).toEqual([types.replace(/^\.\//, '')]);
    const source = types.replace(/^\.\/lib\//, 'src/').replace(/\.d\.ts$/, '.ts');
    expect(fs.existsSync(path.join(__dirname, '..', source))).toBe(true);
  }
});
