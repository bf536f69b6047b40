/**
 * The linter's fixtures (test/cli/fixtures) against the real API server: every object of every fixture is created in
 * a fresh namespace, and exactly the objects the linter flags with a rule that stands for the API server
 * (server-rules.ts) are refused. So the clean fixtures are created whole, and a bad fixture is refused where the
 * linter says the server would refuse it, and nowhere else. New fixtures are picked up by themselves.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cluster, describe as describeObject } from './cluster';
import { ROOT } from './server';
import { API_SERVER_RULES } from './server-rules';
import { checkObjects, OBJECT_RULES } from '../../src';
import { parseManifests } from '../../src/cli/load';

jest.setTimeout(120_000);

const FIXTURES = path.join('test', 'cli', 'fixtures');
const FILES = fs.readdirSync(path.join(ROOT, FIXTURES)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()
  .map((f) => path.join(FIXTURES, f))
  .filter((file) => parseManifests(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).objects.length > 0);

let cluster: Cluster;
beforeAll(() => {
  cluster = Cluster.connect();
});

test('the fixtures of the linter are here, clean and bad ones', () => {
  expect(FILES).toEqual(expect.arrayContaining([path.join(FIXTURES, 'helm-coredns.yaml'), path.join(FIXTURES, 'list.json')]));
});

test.each(FILES)('%s: the server refuses exactly the objects the linter says it refuses', async (file) => {
  const objects = parseManifests(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).objects;
  const findings = checkObjects(objects.map((o) => o.object), OBJECT_RULES).filter((f) => API_SERVER_RULES.includes(f.ruleId));
  const source = (i: number) => `${file}:${objects[i].position.line}`;
  const expected = [...new Set(findings.map((f) => f.object!.index))].sort((a, b) => a - b)
    .map((i) => `${source(i)} ${describeObject(objects[i].object)}`);
  const { refused } = await cluster.createAndDelete(objects.map((o, i) => ({ object: o.object, source: source(i) })), path.basename(file));
  // each line: "<file>:<line>: <Kind> <namespace/name> refused (<code>): <the server's message>"
  expect(refused.map((line) => line.slice(0, line.indexOf(' refused (')).replace(/: /, ' '))).toEqual(expected);
});

test('list.json and broken.yaml: the objects the linter refuses for the server are refused, in the server\'s words', async () => {
  const refusedOf = async (name: string) => {
    const file = path.join(FIXTURES, name);
    const objects = parseManifests(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).objects;
    return (await cluster.createAndDelete(objects.map((o) => ({ object: o.object, source: file })), name)).refused;
  };
  expect(await refusedOf('list.json')).toEqual([
    expect.stringMatching(/^test\/cli\/fixtures\/list\.json: Service edge\/dns refused \(422\): .*spec\.ports\[0\]\.nodePort: Invalid value: 20053: provided port is not in the valid range/),
  ]);
  expect(await refusedOf('broken.yaml')).toEqual([
    expect.stringMatching(/^test\/cli\/fixtures\/broken\.yaml: Service first refused \(422\): .*spec\.ports\[0\]\.protocol: Unsupported value: "udp"/),
    expect.stringMatching(/^test\/cli\/fixtures\/broken\.yaml: Service third refused \(422\): .*spec\.ports\[0\]\.nodePort: Forbidden: may not be used when `type` is 'ClusterIP'/),
  ]);
});
