/**
 * Issue #3 "Done when" for the context bundle, through the BUILT CLI with the fake `codex` approving: on a
 * repository whose diff is far larger than `codex.max_context_bytes`, `cccc review` leaves
 * docs/cccc/context-bundle.md under the cap with the truncation note; a `.env` file holding a secret is never in
 * the bundle (its name is listed as withheld), nor in the prompt the fake codex recorded, nor anywhere cccc wrote.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, editConfig, milestone, newUserRepo, walkToPlanReview, writeRepoFile, writeSelfReview } from '../helpers/cli.js';
import { fakeCodexCalls, fakeCodexEnv } from '../helpers/fake-codex.js';
import { tempDir } from '../helpers/tmp.js';

/** The smallest cap the config allows (bytes). */
const CAP = 16_384;
const SECRET = 'sk-live-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4';

/** Walk a new repository to CODEX_MILESTONE_REVIEW of M001 with the fake approving; `implementM001` writes its code. */
async function atMilestoneReview(implementM001: (root: string) => void) {
  const root = newUserRepo();
  const recordDir = path.join(tempDir('cccc-bundle-calls-'), 'calls');
  const env = fakeCodexEnv(recordDir, 'pass');
  const cccc = cliIn(root, env);
  await walkToPlanReview(root, [milestone('M001', { expected_files: ['src/generated/'] })], env);
  editConfig(root, (c) => {
    c.codex.max_context_bytes = CAP;
    c.milestones.max_diff_lines_per_milestone = 1_000_000;
    c.milestones.max_changed_files_per_milestone = 1_000;
  });
  expect((await cccc(['review'])).exitCode).toBe(0);
  implementM001(root);
  const submit = await cccc(['submit', 'milestone', '--self-review', writeSelfReview()]);
  expect(submit.exitCode, submit.stderr).toBe(0);
  return { root, cccc, recordDir };
}

/** Every file under `dir`, recursively (absolute paths). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

function writeDotEnv(root: string): void {
  writeRepoFile(root, '.env', `API_TOKEN=${SECRET}\nDATABASE_URL=postgres://app:${SECRET}@db/app\n`);
}

describe('context bundle limits (built CLI, fake codex)', () => {
  it('a diff far over codex.max_context_bytes: the bundle stays under the cap and says what was cut', async () => {
    const generated: string[] = [];
    const { root, cccc, recordDir } = await atMilestoneReview((r) => {
      for (let f = 0; f < 12; f++) {
        const file = `src/generated/table-${String(f).padStart(2, '0')}.js`;
        const rows = Array.from({ length: 400 }, (_, i) => `  { id: ${f * 1000 + i}, label: 'row ${i} of table ${f}', weight: ${(i * 37) % 101} },`);
        writeRepoFile(r, file, `export const table${f} = [\n${rows.join('\n')}\n];\n`);
        generated.push(file);
      }
      writeRepoFile(r, 'src/greet.js', `${readFileSync(path.join(r, 'src/greet.js'), 'utf8')}\nexport const farewell = (name) => \`Goodbye, \${name}!\`;\n`);
      writeDotEnv(r);
    });
    const diffBytes = generated.reduce((sum, file) => sum + statSync(path.join(root, file)).size, 0);
    expect(diffBytes).toBeGreaterThan(CAP * 10);

    const review = await cccc(['review', '--json']);
    expect(review.exitCode, review.stderr).toBe(0);
    expect(review.json()).toMatchObject({ gate: 'milestone', passed: true, bundle: { cut: true, withheld: 1 } });
    expect(review.json().bundle.bytes).toBeLessThanOrEqual(CAP);

    const bundle = readFileSync(path.join(root, 'docs/cccc/context-bundle.md'));
    expect(bundle.length).toBeLessThanOrEqual(CAP);
    const text = bundle.toString('utf8');
    expect(text).toContain(`Cap: ${CAP} bytes (UTF-8). Cut to fit: yes`);
    expect(text).toContain('## Truncation');
    expect(text).toContain(`Cut to fit the cap of ${CAP} bytes`);
    expect(text).toMatch(/- diff hunks: \d+ of \d+ files cut, \d+ omitted/);
    // The stat comes first and keeps every file, even those whose hunks were cut.
    for (const file of [...generated, 'src/greet.js']) expect(text, file).toContain(file);
    expect(text).not.toContain(SECRET);
    expect(text).toMatch(/## Withheld\n\n[^\n]*\n\n- \.env\n/);

    const [call] = fakeCodexCalls(recordDir).slice(-1);
    expect(call!.prompt).toContain(text);
    expect(call!.prompt).not.toContain(SECRET);
    expect((await cccc(['trace', '--verify'])).exitCode).toBe(0);
  });

  it('a .env secret never reaches the bundle, the prompt, or any file cccc writes — at the milestone and final gates', async () => {
    const { root, cccc, recordDir } = await atMilestoneReview((r) => {
      writeRepoFile(r, 'src/greet.js', `${readFileSync(path.join(r, 'src/greet.js'), 'utf8')}\nexport const farewell = (name) => \`Goodbye, \${name}!\`;\n`);
      writeDotEnv(r);
    });

    const milestoneReview = await cccc(['review', '--json']);
    expect(milestoneReview.exitCode, milestoneReview.stderr).toBe(0);
    expect(milestoneReview.json()).toMatchObject({ gate: 'milestone', to: 'CODEX_FINAL_REVIEW', bundle: { cut: false, withheld: 1 } });
    const milestoneBundle = readFileSync(path.join(root, 'docs/cccc/context-bundle.md'), 'utf8');

    const finalReview = await cccc(['review', '--json']);
    expect(finalReview.exitCode, finalReview.stderr).toBe(0);
    expect(finalReview.json()).toMatchObject({ gate: 'final', to: 'DONE', bundle: { cut: false, withheld: 1 } });
    const finalBundle = readFileSync(path.join(root, 'docs/cccc/context-bundle.md'), 'utf8');

    for (const bundle of [milestoneBundle, finalBundle]) {
      // The code change is there, whole; the secret file is there by name only.
      expect(bundle).toContain('export const farewell');
      expect(bundle).toMatch(/## Withheld\n\n[^\n]*\n\n- \.env\n/);
      expect(bundle).not.toContain(SECRET);
      expect(bundle).not.toContain('API_TOKEN');
    }
    const calls = fakeCodexCalls(recordDir);
    expect(calls.map((c) => c.gate)).toEqual(['plan', 'milestone', 'final']);
    for (const call of calls) expect(call.prompt).not.toContain(SECRET);
    // Nothing cccc wrote (bundle, artifacts, raw events, journal, state) holds the secret.
    for (const file of filesUnder(path.join(root, 'docs/cccc'))) expect(readFileSync(file, 'utf8'), file).not.toContain(SECRET);
    expect((await cccc(['trace', '--verify'])).exitCode).toBe(0);
  });
});
