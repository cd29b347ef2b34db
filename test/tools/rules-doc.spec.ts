import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The reference `npm run rules:doc` writes, generated in a child process (Prettier loads as ESM, outside Jest). */
function generated(): string {
  return execFileSync(process.execPath, ['-r', './tools/register.js', 'tools/rules-doc.ts', '--stdout'], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('the rules reference (docs/rules.md)', () => {
  const reference = generated();

  it('is the one the rulebook data generates: run `npm run rules:doc` after changing a rule', () => {
    expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(reference);
  });

  it('names each rule with its value, its document and the day it takes effect', () => {
    expect(reference).toMatch(
      /\| `appointment\.deadlineWorkingDays` .*standard: 15; centralManagement: 30 +\| Quy định 80-QĐ\/TW \(Bộ Chính trị, 2022-08-18\) +\| 18\/08\/2022/,
    );
    expect(reference).toContain('`rulebook/2025-2030@2025-10-08`');
    expect(reference).toContain('## Choices the code settles');
    expect(reference).toContain('Tết 2030 is 02/02/2030');
  });
});
