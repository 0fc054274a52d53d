import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileStrategy, validateStrategy } from './index';
import { CATALOG } from './test-support/build-strategy';

// The README's examples are part of the documentation contract: they must stay valid and runnable.
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const jsonBlocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));

describe('README examples', () => {
  it('has at least one strategy document', () => {
    expect(jsonBlocks.filter((b) => b.schemaVersion === 1).length).toBeGreaterThan(0);
  });

  it.each(jsonBlocks.filter((b) => b.schemaVersion === 1).map((b) => [b.name ?? 'unnamed', b]))(
    '%s validates and decides',
    (_name, doc) => {
      expect(validateStrategy(doc, { actions: CATALOG }).problems).toEqual([]);
      const result = compileStrategy(doc, { actions: CATALOG }).decide({
        customer: { id: 'c1', age: 40, churnRisk: 0.6, segment: 'gold' },
        context: { now: '2026-03-01T09:00:00Z' },
      });
      expect(result.recommendations.length).toBe(3);
      expect(result.recommendations[0]!.priority).toBeGreaterThan(0);
    },
  );
});
