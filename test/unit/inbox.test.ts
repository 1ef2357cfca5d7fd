/**
 * The docs inbox (issue #6): `ingest-docs` copies without overwriting (size cap, name clashes renamed, identical
 * content left alone), `sync-inbox` indexes new/changed/unchanged/deleted by hash, `curate-docs` records a mapping
 * and clears the pending mark, `submit plan` refuses while sources wait, and `next` asks Claude to curate first.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCurateDocs } from '../../src/commands/curate-docs.js';
import { runIngestDocs } from '../../src/commands/ingest-docs.js';
import { runNext } from '../../src/commands/next.js';
import { runSyncInbox } from '../../src/commands/sync-inbox.js';
import { CcccError } from '../../src/errors.js';
import { candidateName } from '../../src/inbox/ingest.js';
import { assertNoPendingSources } from '../../src/inbox/pending.js';
import { nextSourceIndex, pendingCuration } from '../../src/inbox/sync.js';
import { recommendedConfig } from '../../src/config/presets.js';
import { tempDir, tempWorkspace } from '../helpers/tmp.js';

const NOW = new Date('2026-11-21T12:00:00.000Z');

function setup() {
  const paths = tempWorkspace((c) => {
    c.curation.max_file_bytes = 100;
  });
  const outside = tempDir('cccc-notes-');
  const deps = { cwd: outside, now: () => NOW, log: () => undefined };
  const write = (name: string, text: string) => {
    writeFileSync(path.join(outside, name), text);
    return name;
  };
  return { paths, outside, write, deps, inRepo: { ...deps, cwd: paths.root } };
}

async function errorOf(p: Promise<unknown>): Promise<CcccError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CcccError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('ingest-docs', () => {
  it('copies into docs/cccc/inbox, renames on a clash, leaves identical content, rejects oversize and missing files', async () => {
    const { paths, outside, write, deps } = setup();
    // ingest runs from the user's folder; the workspace is found from cwd, so run it inside the repo with absolute paths.
    const notes = path.join(outside, write('notes.md', 'switch to postgres?\n'));
    const first = await runIngestDocs([notes], { ...deps, cwd: paths.root });
    expect(first.outcomes).toEqual([{ source: notes, outcome: 'copied', target: 'docs/cccc/inbox/notes.md', renamed: false }]);
    writeFileSync(notes, 'a different note\n');
    const clash = await runIngestDocs([notes], { ...deps, cwd: paths.root });
    expect(clash.outcomes[0]).toMatchObject({ outcome: 'copied', target: 'docs/cccc/inbox/notes-2.md', renamed: true });
    expect(readFileSync(path.join(paths.inbox, 'notes.md'), 'utf8')).toBe('switch to postgres?\n');
    const same = await runIngestDocs([notes], { ...deps, cwd: paths.root });
    expect(same.outcomes[0]).toMatchObject({ outcome: 'unchanged', target: 'docs/cccc/inbox/notes-2.md' });

    const big = path.join(outside, write('big.md', 'x'.repeat(101)));
    const error = await errorOf(runIngestDocs([big, path.join(outside, 'missing.md'), notes], { ...deps, cwd: paths.root }));
    expect(error.code).toBe('INGEST_REJECTED');
    expect(error.message).toMatch(/big\.md \(101 bytes is over curation\.max_file_bytes \(100\)\)/);
    expect(error.message).toMatch(/missing\.md \(not found\)/);
    expect(existsSync(path.join(paths.inbox, 'big.md'))).toBe(false);
  });

  it('candidate names keep the extension', () => {
    expect([1, 2, 3].map((n) => candidateName('spec.v1.md', n))).toEqual(['spec.v1.md', 'spec.v1-2.md', 'spec.v1-3.md']);
    expect(candidateName('README', 2)).toBe('README-2');
  });
});

describe('sync-inbox', () => {
  it('indexes new, changed, unchanged and deleted sources by hash, keeping curation marks', () => {
    const at = '2026-11-21T00:00:00.000Z';
    const one = nextSourceIndex({ version: 1, updatedAt: null, sources: [] }, [{ path: 'a.md', sha256: '1', bytes: 1 }, { path: 'b.md', sha256: '2', bytes: 1 }], at);
    expect(one.sources.map((s) => [s.path, s.status])).toEqual([['a.md', 'new'], ['b.md', 'new']]);
    const curated = { ...one, sources: one.sources.map((s) => (s.path === 'a.md' ? { ...s, curatedSha256: '1', curatedAt: at } : s)) };
    const two = nextSourceIndex(curated, [{ path: 'a.md', sha256: '1', bytes: 1 }, { path: 'c.md', sha256: '3', bytes: 1 }], 'later');
    expect(two.sources.map((s) => [s.path, s.status, s.curatedSha256])).toEqual([['a.md', 'unchanged', '1'], ['b.md', 'deleted', null], ['c.md', 'new', null]]);
    expect(pendingCuration(two).map((s) => s.path)).toEqual(['c.md']);
    const three = nextSourceIndex(two, [{ path: 'a.md', sha256: '9', bytes: 1 }], 'later');
    expect(three.sources.find((s) => s.path === 'a.md')).toMatchObject({ status: 'changed', curatedSha256: '1' });
    expect(pendingCuration(three).map((s) => s.path)).toEqual(['a.md']);
  });

  it('writes docs/cccc/source-index.json and lists skipped files', async () => {
    const { paths, inRepo } = setup();
    mkdirSync(path.join(paths.inbox, 'gpt'), { recursive: true });
    writeFileSync(path.join(paths.inbox, 'gpt', 'chat.txt'), 'use a queue\n');
    writeFileSync(path.join(paths.inbox, 'diagram.png'), 'png');
    writeFileSync(path.join(paths.inbox, 'huge.md'), 'x'.repeat(200));
    const r = await runSyncInbox(inRepo);
    expect(r.counts).toEqual({ new: 1, changed: 0, unchanged: 0, deleted: 0, total: 1 });
    expect(r.pending).toEqual(['docs/cccc/inbox/gpt/chat.txt']);
    expect(r.skipped).toEqual([
      { path: 'docs/cccc/inbox/diagram.png', why: 'extension' },
      { path: 'docs/cccc/inbox/huge.md', why: 'too_large' },
    ]);
    const index = JSON.parse(readFileSync(path.join(paths.workspace, 'source-index.json'), 'utf8'));
    expect(index.sources[0]).toMatchObject({ path: 'docs/cccc/inbox/gpt/chat.txt', status: 'new', curatedSha256: null, firstSeenAt: NOW.toISOString() });
  });

  it('never overwrites an index it cannot parse', async () => {
    const { paths, inRepo } = setup();
    writeFileSync(path.join(paths.workspace, 'source-index.json'), '{ not json');
    expect((await errorOf(runSyncInbox(inRepo))).code).toBe('SOURCE_INDEX_INVALID');
    expect(readFileSync(path.join(paths.workspace, 'source-index.json'), 'utf8')).toBe('{ not json');
  });
});

describe('curation before planning continues', () => {
  it('next asks Claude to curate, submit plan refuses, curate-docs records the source map and clears it', async () => {
    const { paths, inRepo } = setup();
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(path.join(paths.inbox, 'idea.md'), 'also say goodbye\n');
    writeFileSync(paths.doc('roadmap.md'), '# Roadmap\n');
    const { runStart } = await import('../../src/commands/start.js');
    await runStart('greet', inRepo);
    const next = await runNext(inRepo);
    expect(next.instruction).toMatch(/curate the 1 inbox document/);
    expect(next.command).toBe('cccc curate-docs --source docs/cccc/inbox/idea.md --into <doc>[,<doc>]  (or --irrelevant)');
    expect(next.pendingSources).toEqual(['docs/cccc/inbox/idea.md']);

    const config = recommendedConfig();
    expect((await errorOf(assertNoPendingSources(paths, config))).code).toBe('SOURCES_PENDING');

    expect((await errorOf(runCurateDocs({ source: 'docs/cccc/inbox/idea.md', into: 'nope.md' }, inRepo))).code).toBe('TARGET_MISSING');
    expect((await errorOf(runCurateDocs({ source: 'docs/cccc/inbox/other.md', into: 'roadmap.md' }, inRepo))).code).toBe('SOURCE_UNKNOWN');
    const r = await runCurateDocs({ source: 'docs/cccc/inbox/idea.md', into: 'roadmap.md', note: 'farewell milestone' }, inRepo);
    expect(r.pending).toEqual([]);
    const map = JSON.parse(readFileSync(path.join(paths.workspace, 'source-map.json'), 'utf8'));
    expect(map.mappings).toEqual([{ source: 'docs/cccc/inbox/idea.md', sha256: expect.any(String), targets: ['roadmap.md'], note: 'farewell milestone', curatedAt: NOW.toISOString() }]);
    await assertNoPendingSources(paths, config);
    // A changed source is pending again.
    writeFileSync(path.join(paths.inbox, 'idea.md'), 'also say goodbye, politely\n');
    expect((await errorOf(assertNoPendingSources(paths, config))).code).toBe('SOURCES_PENDING');
    await runCurateDocs({ source: 'idea.md', irrelevant: true }, inRepo);
    await assertNoPendingSources(paths, config);
  });
});
