import { describe, expect, it } from 'vitest';
import { limitsFromConfig, parseConfigText, validateConfig } from '../../src/config/load.js';
import { recommendedConfig, strictConfig } from '../../src/config/presets.js';
import { CcccError } from '../../src/errors.js';

function errorOf(fn: () => unknown): CcccError {
  try {
    fn();
  } catch (error) {
    return error as CcccError;
  }
  throw new Error('expected an error');
}

describe('config presets', () => {
  it('both presets validate', () => {
    expect(() => validateConfig(recommendedConfig(), 'config.json')).not.toThrow();
    expect(() => validateConfig(strictConfig(), 'config.json')).not.toThrow();
  });

  it('recommended is complete: strict_pause, bypass disabled, every section present', () => {
    const c = recommendedConfig();
    expect(c.codex.unavailable_policy).toBe('strict_pause');
    expect(c.codex.bypass.enabled).toBe(false);
    for (const key of ['language', 'workspace', 'mode', 'planning', 'milestones', 'review', 'automation', 'safety', 'codex', 'docs_sync', 'codex_review_policy', 'curation']) {
      expect(c).toHaveProperty(key);
    }
  });

  it.each([
    ['recommended', recommendedConfig(), { maxPlanReviewRounds: 3, maxDiffLinesPerMilestone: 1200, maxChangedFilesPerMilestone: 20, maxReviewRoundsPerMilestone: 3, allowContinueWithP2: true }],
    ['strict', strictConfig(), { maxPlanReviewRounds: 4, maxDiffLinesPerMilestone: 600, maxChangedFilesPerMilestone: 10, maxReviewRoundsPerMilestone: 4, maxFixAttemptsPerMilestone: 2, allowContinueWithP2: false }],
  ])('%s preset limits match the original', (_name, config, expected) => {
    expect(limitsFromConfig(config)).toMatchObject(expected);
  });
});

describe('config errors name the file, the field and the allowed values', () => {
  it('bad enum value', () => {
    const c = { ...recommendedConfig(), mode: 'yolo' };
    const e = errorOf(() => validateConfig(c, 'docs/cccc/config.json'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('docs/cccc/config.json');
    expect(e.message).toMatch(/mode: must be one of "manual", "supervised-auto", "full-auto-safe"/);
  });

  it('wrong type in a nested field', () => {
    const c = recommendedConfig() as unknown as { review: Record<string, unknown> };
    c.review.block_on_p1 = 'yes';
    const e = errorOf(() => validateConfig(c, 'config.json'));
    expect(e.message).toContain('review.block_on_p1');
  });

  it('unknown key (a typo) is reported', () => {
    const c = { ...recommendedConfig(), reveiw: {} };
    expect(errorOf(() => validateConfig(c, 'config.json')).message).toMatch(/unknown key\(s\) reveiw/);
  });

  it('P0 blocking cannot be switched off', () => {
    const c = recommendedConfig() as unknown as { review: Record<string, unknown> };
    c.review.block_on_p0 = false;
    expect(errorOf(() => validateConfig(c, 'config.json')).message).toContain('review.block_on_p0');
  });

  it('not JSON', () => {
    const e = errorOf(() => parseConfigText('{ "mode": ', 'docs/cccc/config.json'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('not valid JSON');
    expect(e.hint).toContain('will not overwrite');
  });
});
