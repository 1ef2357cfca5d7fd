import { describe, expect, it } from 'vitest';
import {
  assertedComponents,
  canonicalJson,
  compareFingerprints,
  computeGateFingerprintFacts,
  describeComponentChange,
  gateFingerprint,
  sha256File,
  sha256Text,
  type GateFingerprintFacts,
} from '../../src/gates/fingerprint.js';
import { milestone } from '../helpers/events.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const VERSIONS = { promptVersion: 'milestone-1', schemaVersion: 'verdict-1' };

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { y: 2, x: 1 } }, '{"z":{"x":1,"y":2}}'],
    ['é\n', '"é\\n"'],
    [[], '[]'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it.each([[undefined], [Number.NaN], [new Date(0)], [{ a: undefined }]])('rejects %s', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('sha256Text / sha256File', () => {
  it('hash the same bytes the same way', async () => {
    const repo = tempRepo();
    const file = repo.write('x.txt', 'hello\n');
    expect(await sha256File(file)).toBe(sha256Text('hello\n'));
    expect(sha256Text('hello\n')).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
  });
});

function facts(overrides: Partial<GateFingerprintFacts> = {}): GateFingerprintFacts {
  return {
    head: 'a'.repeat(40),
    base: 'b'.repeat(40),
    worktreeTree: 'c'.repeat(40),
    acceptanceCriteria: ['works'],
    planDocs: [{ name: 'roadmap.md', sha256: sha256Text('roadmap') }, { name: 'milestones.yaml', sha256: null }],
    bundleSha256: sha256Text('bundle'),
    ...VERSIONS,
    ...overrides,
  };
}

describe('gateFingerprint / compareFingerprints', () => {
  it('is a pure function of the facts', () => {
    expect(gateFingerprint(facts())).toEqual(gateFingerprint(facts()));
    expect(gateFingerprint(facts()).value).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(gateFingerprint(facts()).components).sort()).toEqual(
      ['acceptance-criteria', 'bundle', 'code', 'head', 'plan:milestones.yaml', 'plan:roadmap.md', 'prompt', 'schema'].sort(),
    );
  });

  it.each<[string, Partial<GateFingerprintFacts>, string[]]>([
    ['a new commit', { head: 'c'.repeat(40) }, ['head']],
    ['a changed working tree', { worktreeTree: 'f'.repeat(40) }, ['code']],
    ['another base', { base: 'd'.repeat(40) }, ['code']],
    ['changed acceptance criteria', { acceptanceCriteria: ['works', 'fast'] }, ['acceptance-criteria']],
    ['an edited roadmap', { planDocs: [{ name: 'roadmap.md', sha256: sha256Text('roadmap2') }, { name: 'milestones.yaml', sha256: null }] }, ['plan:roadmap.md']],
    ['a new milestones.yaml', { planDocs: [{ name: 'roadmap.md', sha256: sha256Text('roadmap') }, { name: 'milestones.yaml', sha256: sha256Text('m') }] }, ['plan:milestones.yaml']],
    ['a changed bundle', { bundleSha256: sha256Text('bundle2') }, ['bundle']],
    ['a new prompt', { promptVersion: 'milestone-2' }, ['prompt']],
    ['a new schema', { schemaVersion: 'verdict-2' }, ['schema']],
  ])('names exactly what changed: %s', (_, change, expected) => {
    const recorded = gateFingerprint(facts());
    const now = gateFingerprint(facts(change));
    expect(now.value).not.toBe(recorded.value);
    expect(compareFingerprints(recorded, now)).toEqual(expected);
  });

  it('asserts each gate on what its approval is about', () => {
    const recorded = gateFingerprint(facts());
    const now = gateFingerprint(facts({ head: 'e'.repeat(40), bundleSha256: sha256Text('other'), worktreeTree: 'f'.repeat(40) }));
    expect(compareFingerprints(recorded, now, assertedComponents('plan'))).toEqual([]);
    expect(compareFingerprints(recorded, now, assertedComponents('milestone'))).toEqual(['code']);
    expect(compareFingerprints(recorded, now, assertedComponents('final'))).toEqual(['code']);
    expect(describeComponentChange('code')).toMatch(/code changed since approval/);
    expect(describeComponentChange('plan:roadmap.md')).toBe('planning doc roadmap.md changed since approval');
  });
});

function approvedRepo(): TempRepo {
  const repo = tempRepo();
  repo.write('src/app.ts', 'export const limit = 10;\n');
  repo.write('docs/cccc/roadmap.md', '# Roadmap\n');
  repo.write('docs/cccc/milestones.yaml', 'milestones: []\n');
  repo.commitAll();
  repo.write('src/feature.ts', 'export const feature = true;\n'); // untracked work under review
  return repo;
}

describe('computeGateFingerprintFacts', () => {
  const m = milestone('M001');
  const compute = (repo: TempRepo, base: string | null = null, bundle = '# bundle') =>
    computeGateFingerprintFacts(repo.root, base, m, bundle, VERSIONS).then(gateFingerprint);

  it('recomputes to the same fingerprint when nothing changed', async () => {
    const repo = approvedRepo();
    expect(await compute(repo)).toEqual(await compute(repo));
  });

  it('changes the code component after a one-line change (tracked or untracked)', async () => {
    const repo = approvedRepo();
    const before = await compute(repo);
    repo.write('src/app.ts', 'export const limit = 11;\n');
    const afterTracked = await compute(repo);
    expect(compareFingerprints(before, afterTracked)).toEqual(['code']);
    repo.write('src/feature.ts', 'export const feature = false;\n');
    const afterUntracked = await compute(repo);
    expect(compareFingerprints(afterTracked, afterUntracked)).toEqual(['code']);
    repo.write('src/another.ts', '\n');
    expect(compareFingerprints(afterUntracked, await compute(repo))).toEqual(['code']);
  });

  it('does not change when cccc writes its runtime files or a planning doc changes outside the plan components', async () => {
    const repo = approvedRepo();
    const before = await compute(repo);
    repo.write('docs/cccc/logs/journal.jsonl', '{}\n');
    repo.write('docs/cccc/runtime/loop/state.json', '{}\n');
    repo.write('docs/cccc/state.json', '{"revision":9}\n');
    repo.write('docs/cccc/reviews/milestones/M001-r1-1.json', '{}\n');
    repo.write('docs/cccc/context-bundle.md', 'old\n');
    repo.write('docs/cccc/decision-log.md', '- D9\n');
    expect(compareFingerprints(before, await compute(repo))).toEqual([]);
    repo.write('docs/cccc/roadmap.md', '# Roadmap v2\n');
    expect(compareFingerprints(before, await compute(repo))).toEqual(['plan:roadmap.md']);
  });

  it('keeps the code component when the approved work is merely staged or committed (snapshot base)', async () => {
    const { snapshotWorktree } = await import('../../src/git/worktree-snapshot.js');
    const repo = approvedRepo();
    const base = await snapshotWorktree(repo.root);
    repo.write('src/app.ts', 'export const limit = 12;\n');
    const before = await compute(repo, base);
    repo.git('add', 'src/feature.ts');
    expect(compareFingerprints(before, await compute(repo, base))).toEqual([]);
    repo.commitAll('commit the approved work');
    const after = await compute(repo, base);
    expect(compareFingerprints(before, after)).toEqual(['head']);
  });

  it('binds the acceptance criteria and the bundle', async () => {
    const repo = approvedRepo();
    const before = await compute(repo);
    const other = await computeGateFingerprintFacts(repo.root, null, { ...m, acceptance_criteria: ['changed'] }, '# bundle 2', VERSIONS).then(gateFingerprint);
    expect(compareFingerprints(before, other)).toEqual(['acceptance-criteria', 'bundle']);
  });

  it('works with an unborn HEAD', async () => {
    const repo = tempRepo();
    repo.write('a.ts', 'a\n');
    const f = await computeGateFingerprintFacts(repo.root, null, null, '', VERSIONS);
    expect(f.head).toBeNull();
    expect(f.worktreeTree).toMatch(/^[0-9a-f]{40}$/);
    expect(f.acceptanceCriteria).toEqual([]);
  });
});
