import { describe, expect, it } from 'vitest';
import { allocateHunks, MIN_HUNK_SHARE_BYTES } from '../../src/bundle/allocate-hunks.js';
import { assembleBundle, MIN_BUNDLE_BYTES, PLANNING_DOC_NAMES, type BundleDiffFile, type BundleParts } from '../../src/bundle/index.js';
import { countShowable, fairShare } from '../../src/bundle/fair-share.js';
import { fitText } from '../../src/bundle/fit.js';
import { LIMITS, milestone } from '../helpers/events.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function patchOf(path: string, lines: number, width = 40): string {
  const body = Array.from({ length: lines }, (_, i) => `+${`line ${i} of ${path} `.padEnd(width, 'x')}\n`).join('');
  return `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -0,0 +1,${lines} @@\n${body}`;
}

function file(path: string, lines: number, extra: Partial<BundleDiffFile> = {}): BundleDiffFile {
  return { path, change: 'modified', binary: false, added: lines, removed: 0, countsComplete: true, patch: patchOf(path, lines), unreadBytes: 0, ...extra };
}

function parts(overrides: Partial<BundleParts> = {}): BundleParts {
  const m1 = milestone('M001');
  const m2 = { ...milestone('M002', 'medium'), acceptance_criteria: ['rate limit returns 429', 'limits are configurable'], depends_on: ['M001'] };
  return {
    task: 'Add rate limiting to the API',
    limits: LIMITS,
    gate: 'milestone',
    milestone: m2,
    milestones: [m1, m2],
    priorFindings: [{ severity: 'P2', title: 'missing test' }, { severity: 'P0', title: 'auth bypass' }],
    planningDocs: PLANNING_DOC_NAMES.map((name) => ({ name, text: `# ${name}\n\nContent of ${name}.\n`, unreadBytes: 0 })),
    decisionLog: { name: 'decision-log.md', text: '# Decisions\n\n- D1: use a token bucket\n', unreadBytes: 0 },
    openQuestions: { name: 'open-questions.md', text: null, unreadBytes: 0 },
    diff: { base: 'a'.repeat(40), files: [file('src/a.ts', 3), file('src/b.ts', 5, { change: 'untracked' })] },
    withheld: ['.env'],
    ...overrides,
  };
}

const bigDocs = (size: number) => PLANNING_DOC_NAMES.map((name) => ({ name, text: `# ${name}\n${'doc line\n'.repeat(size / 9)}`, unreadBytes: 0 }));

describe('assembleBundle: layout', () => {
  it('prints the sections in the documented order', () => {
    const { text } = assembleBundle(parts(), 200_000);
    const headings = [
      '# cccc context bundle',
      '## Task',
      '## Thresholds',
      '## Gate and milestone',
      '## Planning docs',
      ...PLANNING_DOC_NAMES.map((name) => `### ${name}`),
      '## Decision log',
      '## Open questions',
      '## Milestones',
      '### Current milestone M002',
      '## Prior findings for milestone M002',
      '## Diff since base',
      '### Stat',
      '### Hunks',
      '## Withheld',
      '## Truncation',
    ];
    const positions = headings.map((heading) => text.indexOf(`${heading}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('says what it holds: thresholds by config name, criteria in full, findings by severity, withheld names', () => {
    const { text, truncated, withheld } = assembleBundle(parts(), 200_000);
    expect(text).toContain('- milestones.max_diff_lines_per_milestone: 1200\n');
    expect(text).toContain('- M001 — Milestone M001 · risk low · depends on none\n- M002 (current) — Milestone M002 · risk medium · depends on M001\n');
    expect(text).toContain('Acceptance criteria:\n1. rate limit returns 429\n2. limits are configurable\n\n');
    expect(text.indexOf('[P0] auth bypass')).toBeLessThan(text.indexOf('[P2] missing test'));
    expect(text).toContain('(missing: docs/cccc/open-questions.md does not exist)');
    expect(text).toContain('## Withheld\n\nSecret-looking files in the change set; their content is never included:\n\n- .env\n');
    expect(text).toContain('Cut to fit: no');
    expect(text).toContain('Nothing was cut.');
    expect(truncated).toEqual([]);
    expect(withheld).toEqual(['.env']);
  });

  it('has no diff section for the plan gate', () => {
    const { text } = assembleBundle(parts({ gate: 'plan', milestone: null, diff: null, withheld: [] }), 200_000);
    expect(text).not.toContain('## Diff since base');
    expect(text).toContain('## Prior findings for the plan');
    expect(text).toContain('- Diff base: none');
  });

  it('fences content with a fence longer than any backtick run inside it', () => {
    const doc = { name: 'architecture.md', text: 'before\n````js\ncode\n````\nafter\n', unreadBytes: 0 };
    const { text } = assembleBundle(parts({ planningDocs: [doc] }), 200_000);
    expect(text).toContain('### architecture.md\n\n`````markdown\nbefore\n````js\ncode\n````\nafter\n`````\n');
  });

  it('is deterministic: the same parts give the same bytes and hash', () => {
    const a = assembleBundle(parts(), 50_000);
    const b = assembleBundle(parts(), 50_000);
    expect(b.text).toBe(a.text);
    expect(b.sha256).toBe(a.sha256);
    expect(a.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('rejects a cap below the minimum with a config error naming the key', () => {
    expect(() => assembleBundle(parts(), MIN_BUNDLE_BYTES - 1)).toThrow(/codex\.max_context_bytes/);
    expect(() => assembleBundle(parts(), MIN_BUNDLE_BYTES)).not.toThrow();
  });

  it('lists at most 200 withheld names and counts the rest', () => {
    const withheld = Array.from({ length: 250 }, (_, i) => `keys/k${String(i).padStart(3, '0')}.pem`);
    const result = assembleBundle(parts({ withheld }), 200_000);
    expect(result.text).toContain('- … and 50 more\n');
    expect(result.text).toContain('Withheld secret-looking files: 250');
    expect(result.withheld).toHaveLength(250);
  });
});

describe('assembleBundle: the cap', () => {
  const huge = parts({
    planningDocs: bigDocs(60_000),
    decisionLog: { name: 'decision-log.md', text: 'decision\n'.repeat(20_000), unreadBytes: 0 },
    diff: { base: 'b'.repeat(40), files: Array.from({ length: 300 }, (_, i) => file(`src/f${String(i).padStart(3, '0')}.ts`, (i % 7) * 40 + 1)) },
  });

  it.each([16_384, 20_000, 50_000, 100_000, 200_000, 333_333, 1_000_000])('stays within a cap of %i bytes, keeping the stat and saying what was cut', (cap) => {
    const result = assembleBundle(huge, cap);
    expect(result.bytes).toBe(bytes(result.text));
    expect(result.bytes).toBeLessThanOrEqual(cap);
    expect(result.truncated.find((t) => t.section === 'bundle')).toBeUndefined(); // the safety net never fires
    expect(result.text).toContain('### Stat');
    expect(result.text).toContain('Cut to fit: yes');
    expect(result.text).toMatch(/## Truncation\n\nCut to fit the cap of \d+ bytes:\n/);
    expect(result.text.endsWith('\n')).toBe(true);
  });

  it('uses the budget: a 200 KB cap with a 3× larger input is filled to over 90%', () => {
    const result = assembleBundle(huge, 200_000);
    expect(result.bytes).toBeGreaterThan(180_000);
    expect(result.text).toContain('300 files changed (300 tracked, 0 untracked)');
    for (let i = 0; i < 300; i++) expect(result.text).toContain(`  src/f${String(i).padStart(3, '0')}.ts\n`);
  });

  it('neither docs nor diff starve: each gets a real share when both are huge', () => {
    const result = assembleBundle(huge, 200_000);
    const docsPart = result.text.slice(result.text.indexOf('## Planning docs'), result.text.indexOf('## Milestones'));
    const hunks = result.text.slice(result.text.indexOf('### Hunks'), result.text.indexOf('## Withheld'));
    expect(bytes(docsPart)).toBeGreaterThan(60_000);
    expect(bytes(hunks)).toBeGreaterThan(60_000);
  });

  it('cuts the largest hunks and shows small ones whole (max-min fairness), with markers', () => {
    const files = [file('big.ts', 20_000), file('small.ts', 2)];
    const result = assembleBundle(parts({ diff: { base: 'c'.repeat(40), files } }), 50_000);
    expect(result.text).toContain(patchOf('small.ts', 2));
    expect(result.text).toMatch(/\[cccc: cut here — \d+ bytes dropped to fit the bundle cap\]/);
    expect(result.text).toMatch(/cut +M +\+ *20000 +- *0 +big\.ts\n/);
    expect(result.text).toMatch(/full +M +\+ *2 +- *0 +small\.ts\n/);
    expect(result.truncated.map((t) => t.section)).toEqual(['diff/big.ts']);
  });

  it('omits the largest hunks rather than giving thousands of files a sliver each; the stat still lists them', () => {
    const files = Array.from({ length: 2_000 }, (_, i) => file(`gen/g${String(i).padStart(4, '0')}.ts`, 30));
    const result = assembleBundle(parts({ diff: { base: 'd'.repeat(40), files } }), 200_000);
    expect(result.bytes).toBeLessThanOrEqual(200_000);
    expect(result.text).toMatch(/omit +M +\+30 +-0 +gen\/g\d{4}\.ts\n/);
    expect(result.text).toMatch(/- diff hunks: \d+ of 2000 files cut, \d+ omitted/);
  });

  it('cuts the stat by rows only when the stat alone is over budget', () => {
    const files = Array.from({ length: 3_000 }, (_, i) => file(`very/long/path/to/some/generated/module/number/${String(i).padStart(5, '0')}/index.ts`, 1));
    const result = assembleBundle(parts({ diff: { base: 'e'.repeat(40), files } }), 100_000);
    expect(result.bytes).toBeLessThanOrEqual(100_000);
    expect(result.text).toMatch(/… \d+ more files not listed \(bundle cap\)\n/);
    expect(result.truncated.some((t) => t.section === 'diff/stat')).toBe(true);
  });

  it('reports bytes the collector did not read as cut', () => {
    const files = [file('huge.log', 3, { change: 'untracked', unreadBytes: 5_000_000, countsComplete: false })];
    const result = assembleBundle(parts({ diff: { base: 'f'.repeat(40), files } }), 200_000);
    expect(result.text).toContain('[cccc: 5000000 more bytes not read (per-file read cap)]');
    expect(result.text).toMatch(/cut +\? +\+≥3 +-0 +huge\.log\n/);
    expect(result.truncated).toEqual([{ section: 'diff/huge.log', droppedBytes: 5_000_000 }]);
  });
});

describe('fairShare / countShowable / allocateHunks', () => {
  it.each([
    [[10, 20, 30], 100, [10, 20, 30]],
    [[10, 20, 30], 30, [10, 10, 10]],
    [[5, 100, 100], 105, [5, 50, 50]],
    [[100, 5, 100], 106, [50, 5, 51]],
    [[1, 2, 3], 0, [0, 0, 0]],
    [[], 10, []],
  ])('fairShare(%j, %i) = %j', (sizes, budget, expected) => {
    const shares = fairShare(sizes, budget);
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Math.max(0, budget));
  });

  it('countShowable keeps every shown file at or above the minimum share', () => {
    expect(countShowable([100, 100, 100], 1_000, 512)).toBe(3);
    expect(countShowable([1_000, 1_000, 1_000], 1_500, 512)).toBe(2);
    expect(countShowable([10, 10, 5_000, 5_000, 5_000], 1_100, 512)).toBe(4); // 10 + 10 + 2 × 540
    expect(countShowable([10, 10, 5_000, 5_000, 5_000], 1_000, 512)).toBe(3);
  });

  it('allocateHunks marks full, cut and omit and never exceeds the budget', () => {
    const sizes = [100, 10_000, 10_000, 10_000];
    const { allowances, shown, shareBytes } = allocateHunks(sizes, ['a', 'b', 'c', 'd'], [false, false, false, false], 1_200);
    expect(shown).toEqual(['full', 'cut', 'cut', 'omit']);
    expect(allowances.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1_200);
    expect(shareBytes).toBeGreaterThanOrEqual(MIN_HUNK_SHARE_BYTES);
  });
});

describe('fitText', () => {
  const samples = ['plain ascii line\n'.repeat(50), 'é😀中文\n'.repeat(80), 'x'.repeat(3_000), 'a\n' + '😀'.repeat(500)];
  it.each(samples.map((s, i) => [i, s]))('sample %i: never exceeds the allowance and never splits a character', (_, sample) => {
    for (let allowance = 0; allowance < bytes(sample as string) + 10; allowance += 37) {
      const fitted = fitText(sample as string, 0, allowance);
      expect(bytes(fitted.text)).toBeLessThanOrEqual(allowance);
      expect(fitted.text).not.toContain('\uFFFD');
      if (fitted.droppedBytes === 0) expect(fitted.text).toBe(sample);
    }
  });
});
