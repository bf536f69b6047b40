import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, ROOT } from './helpers';

/** Runs the real executable (src/cli/bin.ts through ts-node) in a fresh Node.js process. */
function bin(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register', path.join('src', 'cli', 'bin.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_TRANSPILE_ONLY: 'true', NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the k8s-udp executable, in its own process', () => {
  test('starts with a shebang so that npm can link it as a bin', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'cli', 'bin.ts'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('exit 0 on clean input, 1 on findings, 2 on a missing file', () => {
    expect(bin(['lint', fixture('helm-coredns.yaml')])).toEqual({ status: 0, stdout: 'k8s-udp: no findings (3 objects in 1 file)\n', stderr: '' });
    expect(bin(['lint', fixture('list.json')]).status).toBe(1);
    const missing = bin(['lint', 'nope.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('nope.yaml: error cannot be read: no such file or directory\n');
  });

  test('reads standard input (helm template ... | k8s-udp lint -)', () => {
    const result = bin(['lint', '-', '--format', 'json'], fs.readFileSync(path.join(ROOT, fixture('bad-helm.yaml')), 'utf8'));
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary).toEqual({ errors: 2, warnings: 3, notes: 0, objects: 3, files: 1, inputErrors: 0 });
  });

  test('a usage error exits 2', () => {
    expect(bin(['lint', 'x.yaml', '--severity', 'UDP205=loud']).status).toBe(2);
  });

  test('the command line loads no cdk8s, constructs or @pulumi module', () => {
    const script = "require('./src/cli/main'); process.stdout.write(JSON.stringify(Object.keys(require.cache)"
      + '.filter((k) => /node_modules[\\\\/](cdk8s|cdk8s-plus-28|constructs|@pulumi)[\\\\/]/.test(k))))';
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register', '-e', script], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_TRANSPILE_ONLY: 'true' },
    });
    expect({ status: result.status, loaded: JSON.parse(result.stdout) }).toEqual({ status: 0, loaded: [] });
  });
});
