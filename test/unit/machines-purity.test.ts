/**
 * `machines/` is the functional core: no file system, processes, clock or randomness (contract "Layout",
 * style.md habit 4), so a journal replays exactly. This scans every machines/*.ts file's source.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MACHINES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'machines');
const FILES = readdirSync(MACHINES_DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort();

/** Modules the pure core must not import. */
const FORBIDDEN_MODULES = [/^node:/, /^fs(\/|$)/, /^child_process$/, /^execa$/, /^proper-lockfile$/, /^write-file-atomic$/];

/** Uses the pure core must not make (clock, randomness, process state, timers). */
const FORBIDDEN_USES: [string, RegExp][] = [
  ['process.', /\bprocess\./],
  ['Date', /\bDate\b/],
  ['Math.random', /\bMath\.random\b/],
  ['performance.', /\bperformance\./],
  ['setTimeout', /\bsetTimeout\b/],
];

/** Source without comments, so a docstring may explain the rule it follows. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every module specifier of static imports, re-exports, dynamic imports and requires. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]!);
  return found;
}

describe('machines/ purity', () => {
  it('finds the machine sources', () => {
    expect(FILES).toEqual(expect.arrayContaining(['workflow.ts', 'run.ts', 'guards.ts', 'resume.ts', 'status-table.ts']));
  });

  it.each(FILES)('%s imports nothing with side effects', (file) => {
    const src = code(readFileSync(join(MACHINES_DIR, file), 'utf8'));
    const bad = specifiers(src).filter((s) => FORBIDDEN_MODULES.some((re) => re.test(s)));
    expect(bad, `${file} imports ${bad.join(', ')}`).toEqual([]);
  });

  it.each(FILES)('%s uses no clock, randomness, process or timers', (file) => {
    const src = code(readFileSync(join(MACHINES_DIR, file), 'utf8'));
    const bad = FORBIDDEN_USES.filter(([, re]) => re.test(src)).map(([name]) => name);
    expect(bad, `${file} uses ${bad.join(', ')}`).toEqual([]);
  });

  it('the scanner catches what it should', () => {
    const sample = code(`import { readFileSync } from 'node:fs';\nimport x from "execa";\nconst t = Date.now(); // Date in a comment is fine\n`);
    expect(specifiers(sample)).toEqual(['node:fs', 'execa']);
    expect(FORBIDDEN_USES.filter(([, re]) => re.test(sample)).map(([n]) => n)).toEqual(['Date']);
    expect(FORBIDDEN_USES.some(([, re]) => re.test(code('/** uses Date and process.env */ const a = 1;')))).toBe(false);
  });
});
