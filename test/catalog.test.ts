import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogEntry, OBJECT_RULES, RULE_CATALOG, Severity } from '../src';

describe('the rule catalog', () => {
  test('every id is unique and well formed; every rule has a title, a why and an https source', () => {
    const ids = RULE_CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULE_CATALOG) {
      expect(rule.id).toMatch(/^UDP[1-6]\d\d$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.source).toMatch(/^https:\/\//);
      expect([Severity.ERROR, Severity.WARNING]).toContain(rule.severity);
    }
  });

  test('holds every object rule', () => {
    for (const rule of OBJECT_RULES) expect(catalogEntry(rule.id.toLowerCase())).toBe(rule);
  });

  test('every rule id is documented in the README, for troubleshooting by rule id', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const missing = RULE_CATALOG.map((r) => r.id).filter((id) => !readme.includes(id));
    expect(missing).toEqual([]);
  });
});
