import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTCOME_WORDS } from './parse-value';
import { REJECTION_KINDS } from './rejections';

// The README's tables are the user-facing contract: they must list exactly what the code does.
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents exactly the rejection kinds there are', () => {
    const section = readme.slice(readme.indexOf('## Rejection kinds'), readme.indexOf('## Privacy'));
    const documented = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...REJECTION_KINDS]);
  });

  it('lists the outcome words the import accepts', () => {
    expect(readme).toContain(`\`${OUTCOME_WORDS.positive.join(' ')}\` → 1`);
    expect(readme).toContain(`\`${OUTCOME_WORDS.negative.join(' ')}\` → 0`);
  });
});
