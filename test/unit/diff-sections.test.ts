import { describe, expect, it } from 'vitest';
import { DiffSectionSplitter, parseDiffGitPath, unquoteC } from '../../src/git/index.js';

const PATCH = [
  'diff --git a/a.txt b/a.txt',
  'index 1111111..2222222 100644',
  '--- a/a.txt',
  '+++ b/a.txt',
  '@@ -1,2 +1,2 @@',
  ' keep',
  '-old',
  '--- a removed line that looks like a header',
  '+new',
  '+++ an added line that looks like a header',
  'diff --git a/.env b/.env',
  'index 3333333..4444444 100644',
  '--- a/.env',
  '+++ b/.env',
  '@@ -1 +1 @@',
  '-SECRET=1',
  '+SECRET=2',
  'diff --git a/img.png b/img.png',
  'new file mode 100644',
  'index 0000000..5555555',
  'Binary files /dev/null and b/img.png differ',
  'diff --git a/gone.txt b/gone.txt',
  'deleted file mode 100644',
  '--- a/gone.txt',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-bye',
  '',
].join('\n');

function split(chunkSize: number, cap = 1_000_000) {
  const splitter = new DiffSectionSplitter(cap, (path) => path !== '.env');
  const bytes = Buffer.from(PATCH);
  for (let i = 0; i < bytes.length; i += chunkSize) splitter.push(bytes.subarray(i, i + chunkSize));
  return splitter.end();
}

describe('DiffSectionSplitter', () => {
  it('splits a patch into per-file sections with kinds and line counts, skipping unwanted paths', () => {
    const { sections, skipped } = split(1 << 16);
    expect(skipped).toEqual(['.env']);
    expect(sections.map(({ path, change, binary, added, removed }) => ({ path, change, binary, added, removed }))).toEqual([
      { path: 'a.txt', change: 'modified', binary: false, added: 2, removed: 2 },
      { path: 'img.png', change: 'added', binary: true, added: 0, removed: 0 },
      { path: 'gone.txt', change: 'deleted', binary: false, added: 0, removed: 1 },
    ]);
    expect(sections.map((s) => s.text).join('')).not.toContain('SECRET');
    expect(sections[0]?.text.startsWith('diff --git a/a.txt b/a.txt\n')).toBe(true);
  });

  it.each([1, 2, 7, 64])('gives the same result when fed in %i-byte chunks', (size) => {
    expect(split(size)).toEqual(split(1 << 16));
  });

  it('keeps whole lines up to the cap and counts the rest', () => {
    const { sections } = split(5, 60);
    const first = sections[0]!;
    expect(Buffer.byteLength(first.text)).toBeLessThanOrEqual(60);
    expect(first.text.endsWith('\n')).toBe(true);
    expect(first.bytes).toBeGreaterThan(60);
    expect(first.added).toBe(2);
  });
});

describe('parseDiffGitPath', () => {
  it.each([
    ['diff --git a/a.txt b/a.txt', 'a.txt'],
    ['diff --git a/dir with space/x b/y.txt b/dir with space/x b/y.txt', 'dir with space/x b/y.txt'],
    ['diff --git a/é l.txt b/é l.txt', 'é l.txt'],
    ['diff --git "a/we\\tird" "b/we\\tird"', 'we\tird'],
    ['diff --git "a/q\\"uote\\\\" "b/q\\"uote\\\\"', 'q"uote\\'],
    ['diff --git "a/\\303\\251" "b/\\303\\251"', 'é'],
    ['index 123..456', null],
    ['diff --git a/x b/y', null],
  ])('%s → %s', (line, expected) => {
    expect(parseDiffGitPath(line)).toBe(expected);
  });

  it('rejects an unterminated quote', () => {
    expect(unquoteC('"abc')).toBeNull();
  });
});
