/**
 * The answers of the custom-setup questions (inventory §3.2: language, mode, planning strength, milestone
 * granularity, review thresholds, auto loop) and how they map onto a config. Pure: no I/O.
 */
import type { CcccConfig } from '../config/schema.js';

/** Answers to the six custom-setup questions. Counts are positive integers; diff size in changed lines. */
export interface CustomAnswers {
  /** `auto`, `en`, `zh-CN` or another language tag. */
  language: string;
  mode: CcccConfig['mode'];
  maxPlanReviewRounds: number;
  maxDiffLinesPerMilestone: number;
  maxChangedFilesPerMilestone: number;
  maxReviewRoundsPerMilestone: number;
  maxFixAttemptsPerMilestone: number;
  blockOnP1: boolean;
  allowContinueWithP2: boolean;
  /**
   * Stop-hook loop wish. Setup never edits `.claude/settings.json`, so this changes no config: `now` only makes the
   * result tell the user to run `cccc loop start`.
   */
  autoLoop: 'off' | 'later' | 'now';
}

/** The answers a config already implies (used as the defaults of "partial update"). */
export function answersFromConfig(config: CcccConfig): CustomAnswers {
  return {
    language: config.language.user_language,
    mode: config.mode,
    maxPlanReviewRounds: config.planning.max_plan_review_rounds,
    maxDiffLinesPerMilestone: config.milestones.max_diff_lines_per_milestone,
    maxChangedFilesPerMilestone: config.milestones.max_changed_files_per_milestone,
    maxReviewRoundsPerMilestone: config.review.max_review_rounds_per_milestone,
    maxFixAttemptsPerMilestone: config.review.max_fix_attempts_per_milestone,
    blockOnP1: config.review.block_on_p1,
    allowContinueWithP2: config.review.allow_continue_with_p2,
    autoLoop: config.automation.stop_hook_loop_enabled ? 'now' : 'off',
  };
}

/** `base` with the answers applied and `preset: 'custom'`; every other field is kept. */
export function applyCustomAnswers(base: CcccConfig, a: CustomAnswers): CcccConfig {
  return {
    ...base,
    preset: 'custom',
    language: { user_language: a.language, auto_detect: a.language === 'auto' },
    mode: a.mode,
    planning: { ...base.planning, max_plan_review_rounds: a.maxPlanReviewRounds },
    milestones: {
      ...base.milestones,
      max_diff_lines_per_milestone: a.maxDiffLinesPerMilestone,
      max_changed_files_per_milestone: a.maxChangedFilesPerMilestone,
    },
    review: {
      ...base.review,
      max_review_rounds_per_milestone: a.maxReviewRoundsPerMilestone,
      max_fix_attempts_per_milestone: a.maxFixAttemptsPerMilestone,
      block_on_p1: a.blockOnP1,
      allow_continue_with_p2: a.allowContinueWithP2,
    },
  };
}
