import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogEntry, OBJECT_RULES, RULE_CATALOG, RULES, Severity } from '../src';

describe('the rule catalog', () => {
  test('every id is unique and well formed; every rule has a title, a why and an https source', () => {
    const ids = RULE_CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULE_CATALOG) {
      expect(rule.id).toMatch(/^UDP[1-9]\d\d$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.sources[0]).toMatch(/^https:\/\//);
      expect([Severity.ERROR, Severity.WARNING, Severity.INFO]).toContain(rule.severity);
    }
  });

  test('holds every object rule: the rule is its catalog entry with a check', () => {
    for (const rule of OBJECT_RULES) expect(rule).toMatchObject(catalogEntry(rule.id.toLowerCase())!);
  });

  test('RULES is keyed by id', () => {
    for (const [key, rule] of Object.entries(RULES)) expect(rule.id).toBe(key);
  });

  test('docs/rules.md has a section per rule, for troubleshooting by rule id', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf8');
    const missing = RULE_CATALOG.map((r) => r.id).filter((id) => !doc.includes(`\n### ${id}\n`));
    expect(missing).toEqual([]);
  });
});
