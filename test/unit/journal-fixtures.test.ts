/**
 * Recorded journals (test/fixtures/journals/<name>.jsonl + <name>.state.json) replayed through the current
 * machine: the regression harness for machine changes (issue #5). A failure here means the machine now decides
 * differently on a journal a real run wrote — bump MACHINE_VERSION and migrate, or fix the regression.
 *
 * Regenerate: CCCC_REGENERATE_JOURNALS=1 npx vitest run test/unit/journal-fixtures.test.ts
 * (also refreshes test/fixtures/workspaces/v1, the cccc v1 workspace of the update tests).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/state/envelope.js';
import { parseJournal } from '../../src/state/journal.js';
import { verifyAgainstJournal } from '../../src/state/verify.js';
import { JOURNAL_SCENARIOS, recordScenario } from '../helpers/journal-scenarios.js';
import { tempWorkspace } from '../helpers/tmp.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'journals');
const V1_WORKSPACE = path.join(import.meta.dirname, '..', 'fixtures', 'workspaces', 'v1', 'docs', 'cccc');
const files = (name: string) => ({ journal: path.join(DIR, `${name}.jsonl`), state: path.join(DIR, `${name}.state.json`) });

describe.runIf(process.env.CCCC_REGENERATE_JOURNALS)('regenerate journal fixtures', () => {
  it.each(JOURNAL_SCENARIOS)('$name', async (scenario) => {
    const paths = tempWorkspace();
    expect(await recordScenario(paths, scenario)).toBe(scenario.ends);
    mkdirSync(DIR, { recursive: true });
    copyFileSync(paths.journal, files(scenario.name).journal);
    copyFileSync(paths.state, files(scenario.name).state);
    // The cccc v1 workspace fixture of the update tests holds the `replan` run.
    if (scenario.name === 'replan') {
      copyFileSync(paths.journal, path.join(V1_WORKSPACE, 'logs', 'journal.jsonl'));
      copyFileSync(paths.state, path.join(V1_WORKSPACE, 'state.json'));
    }
  });
});

describe('recorded journals replay to their state.json', () => {
  it.each(JOURNAL_SCENARIOS.map((s) => [s.name, s.ends, s.events.length] as const))('%s ends in %s after %i events', (name, ends, count) => {
    const { journal, state } = files(name);
    const envelope = parseEnvelope(readFileSync(state, 'utf8'), state);
    const entries = parseJournal(readFileSync(journal, 'utf8'));
    const report = verifyAgainstJournal({ kind: 'valid', envelope, text: '' }, { entries, tornLines: 0, exists: true });
    expect(report.message).toMatch(/reproduced exactly/);
    expect(report.ok).toBe(true);
    expect(envelope.status).toBe(ends);
    expect(envelope.revision).toBe(count);
    expect(entries.map((e) => e.revision)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });
});
