import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommendedConfig } from '../../src/config/presets.js';
import type { CcccError } from '../../src/errors.js';
import { configSchemaVersion, migrateConfig } from '../../src/migrations/config/index.js';

const WS = path.join(import.meta.dirname, '..', 'fixtures', 'workspaces');
const original = (name: string): Record<string, any> => JSON.parse(readFileSync(path.join(WS, name, 'docs', 'cccc', 'config.json'), 'utf8'));
const migrate = (value: unknown) => migrateConfig(value, 'docs/cccc/config.json');
const error = (fn: () => unknown): CcccError => {
  try {
    fn();
  } catch (e) {
    return e as CcccError;
  }
  throw new Error('expected an error');
};

/** Every leaf path of `value` (arrays are leaves), e.g. `codex.bypass.enabled`. */
function leaves(value: Record<string, any>, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}
const at = (value: any, p: string) => p.split('.').reduce((v, k) => v?.[k], value);

describe('config migration 0 (original skill) → 1', () => {
  it.each(['original-0.1.17', 'original-0.1.22'])('%s: every value the user set and cccc knows is kept', (name) => {
    const user = original(name);
    const { config, from, to } = migrate(user);
    expect([from, to]).toEqual([0, 1]);
    const dropped = ['version', 'skill.', 'thresholds.'];
    for (const [p, v] of leaves(user)) if (!dropped.some((d) => p === d || p.startsWith(d))) expect(at(config, p), p).toEqual(v);
  });

  it('0.1.17 (the template the original update merged in): keeps ask_or_bypass_once + bypass but flags it, drops skill and thresholds', () => {
    const { config, notes, originalVersion } = migrate(original('original-0.1.17'));
    expect(originalVersion).toBe('0.1.17');
    expect(config.codex.unavailable_policy).toBe('ask_or_bypass_once');
    expect(config.codex.bypass.enabled).toBe(true);
    expect(config.codex_review_policy.mode).toBe('balanced');
    expect(config.preset).toBe('custom');
    expect(config.language.user_language).toBe('zh-CN');
    const byPath = Object.fromEntries(notes.map((n) => [n.path, n]));
    expect(byPath['codex.unavailable_policy']).toMatchObject({ level: 'warn', message: expect.stringMatching(/injected/) });
    expect(byPath.thresholds).toMatchObject({ level: 'warn', message: expect.stringMatching(/dropped/) });
    expect(byPath.skill).toMatchObject({ level: 'info' });
    expect(byPath['docs_sync.tracked_documents']).toMatchObject({ level: 'warn' });
    expect(config).not.toHaveProperty('thresholds');
    expect(config).not.toHaveProperty('skill');
  });

  it('0.1.22 (recommended preset, customised): absent policy → strict_pause, absent bypass → disabled, user choices kept', () => {
    const { config, notes, originalVersion } = migrate(original('original-0.1.22'));
    expect(originalVersion).toBe('0.1.4'); // the original's setup presets wrote 0.1.4 (inventory §10 #34)
    expect(config.codex.unavailable_policy).toBe('strict_pause');
    expect(config.codex.bypass.enabled).toBe(false);
    expect(config.mode).toBe('full-auto-safe');
    expect(config.automation).toMatchObject({ stop_hook_loop_enabled: true, max_stop_hook_continuations: 10 });
    expect(config.milestones.max_diff_lines_per_milestone).toBe(800);
    expect(config.docs_sync).toEqual(recommendedConfig().docs_sync);
    expect(notes.map((n) => `${n.level} ${n.path}`)).toEqual(
      expect.arrayContaining(['info codex.unavailable_policy', 'info codex.bypass', 'info docs_sync', 'info codex_review_policy', 'info curation']),
    );
  });

  it('an untouched original recommended setup becomes preset recommended', () => {
    const user = original('original-0.1.22');
    user.mode = 'supervised-auto';
    user.automation.stop_hook_loop_enabled = false;
    user.milestones.max_diff_lines_per_milestone = 1200;
    user.milestones.max_changed_files_per_milestone = 20;
    expect(migrate(user).config.preset).toBe('recommended');
  });

  it.each([
    'automation.stop_hook_loop_enabled',
    'codex.bypass.enabled',
    'codex.bypass.allow_for_low_risk',
    'docs_sync.enabled',
    'curation.enabled',
    'codex_review_policy.cache.enabled',
    'codex_review_policy.checkpoint.auto_commit',
    'planning.brainstorm_questions',
  ])('never enables %s when the user had it off', (p) => {
    const user = original('original-0.1.17');
    const keys = p.split('.');
    keys.slice(0, -1).reduce((v: any, k) => v[k], user)[keys.at(-1)!] = false;
    expect(at(migrate(user).config, p)).toBe(false);
  });

  it('drops a key cccc does not know, with a note naming it', () => {
    const user = original('original-0.1.22');
    user.codex.model = 'o3';
    const { config, notes } = migrate(user);
    expect(config.codex).not.toHaveProperty('model');
    expect(notes).toContainEqual({ level: 'warn', path: 'codex.model', message: expect.stringMatching(/dropped/) });
  });

  it.each([
    ['codex.enabled', false],
    ['review.block_on_p0', false],
    ['codex.sandbox', 'workspace-write'],
  ])('refuses to change %s=%j for the user (CONFIG_MIGRATION_BLOCKED)', (p, value) => {
    const user = original('original-0.1.17');
    const keys = p.split('.');
    keys.slice(0, -1).reduce((v: any, k) => v[k], user)[keys.at(-1)!] = value;
    const e = error(() => migrate(user));
    expect(e.code).toBe('CONFIG_MIGRATION_BLOCKED');
    expect(e.message).toContain(p);
    expect(e.hint).toMatch(/never changes a policy value/);
  });

  it('a current config passes through unchanged; a newer one is refused', () => {
    const current = recommendedConfig();
    expect(migrate(JSON.parse(JSON.stringify(current)))).toMatchObject({ from: 1, to: 1, notes: [], config: current });
    expect(error(() => migrate({ ...current, version: 2 })).code).toBe('CONFIG_NEWER');
    expect(error(() => migrate([])).code).toBe('CONFIG_INVALID');
  });

  it.each([
    [{ version: '0.1.17' }, 0],
    [{ mode: 'manual' }, 0],
    [{ version: 1 }, 1],
  ])('schema version of %j is %i', (value, version) => {
    expect(configSchemaVersion(value)).toBe(version);
  });
});
