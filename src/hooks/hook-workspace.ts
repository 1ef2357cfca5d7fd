/**
 * The facts a hook needs from the workspace, gathered cheaply (issue #4 §1 "It must be fast"): the root is found
 * by walking up to `docs/cccc/config.json` (no git spawn), and `config.json` / `state.json` are read with
 * `JSON.parse` and minimal shape checks instead of the zod schema and the XState store, which stay off the hook's
 * path. Anything missing or malformed reads as null and the hook fails open. Also the one file every hook writes,
 * `docs/cccc/logs/hooks.jsonl` ({@link appendHookLog}).
 */
import { fs } from './hook-io.js';
import path from 'node:path';
import type { Limits } from '../../machines/types.js';
import { resolveLanguage, type Language } from '../i18n/language.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';
import type { SafetyFlags } from './guard-rules.js';
import type { StopConfigFacts } from './stop-decision.js';

const { appendFileSync, existsSync, mkdirSync, readFileSync } = fs;

/**
 * The workspace for a hook: the nearest ancestor holding `docs/cccc/config.json` of the payload's `cwd` (where
 * Claude's shell is; it follows worktrees), else of `CLAUDE_PROJECT_DIR` (the session's project, B6), else of the
 * hook's own working directory. Null when none has a cccc workspace.
 */
export function findHookWorkspace(payloadCwd: string | null, env: Record<string, string | undefined>, cwd: string): WorkspacePaths | null {
  const marker = path.join('docs', 'cccc', 'config.json');
  for (const start of [payloadCwd, env.CLAUDE_PROJECT_DIR, cwd]) {
    if (typeof start !== 'string' || start === '' || !path.isAbsolute(start)) continue;
    const root = findUpDir(start, marker);
    if (root !== null) return workspacePaths(root);
  }
  return null;
}

/**
 * The nearest ancestor of `start` (inclusive) containing `relative`, or null — `findUp` of src/workspace/root.ts,
 * repeated here so the hook does not load that module's `node:fs` import (hook-io.ts).
 */
export function findUpDir(start: string, relative: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, relative))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** `JSON.parse` of a file, or null when it is missing, unreadable or not JSON. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The config fields the hooks read, from the raw `config.json` object. */
export interface HookConfig {
  stop: StopConfigFacts;
  /** Resolved catalogue language (`auto` → locale). */
  language: Language;
  /** `safety.*` (missing flags count as on in the guard). */
  safety: Partial<SafetyFlags> | null;
  /** Limits for `next` texts (defaults where a field is missing). */
  limits: Limits;
}

/** Read the config facts from a raw parsed `config.json`; null when it is not an object. */
export function hookConfig(raw: unknown, env: Record<string, string | undefined>): HookConfig | null {
  if (!isObject(raw)) return null;
  const automation = isObject(raw.automation) ? raw.automation : {};
  const languageSection = isObject(raw.language) ? raw.language : {};
  const planning = isObject(raw.planning) ? raw.planning : {};
  const milestones = isObject(raw.milestones) ? raw.milestones : {};
  const review = isObject(raw.review) ? raw.review : {};
  const configured = typeof languageSection.user_language === 'string' ? languageSection.user_language : undefined;
  const language = resolveLanguage(configured, env);
  return {
    stop: {
      mode: typeof raw.mode === 'string' ? raw.mode : '',
      loopEnabled: automation.stop_hook_loop_enabled === true,
      maxContinuations: num(automation.max_stop_hook_continuations, Number.NaN),
      maxNoProgressBlocks: num(automation.max_no_progress_blocks, Number.NaN),
      language,
    },
    language,
    safety: isObject(raw.safety) ? (raw.safety as Partial<SafetyFlags>) : null,
    limits: {
      maxPlanReviewRounds: num(planning.max_plan_review_rounds, 3),
      maxReviewRoundsPerMilestone: num(review.max_review_rounds_per_milestone, 3),
      maxFixAttemptsPerMilestone: num(review.max_fix_attempts_per_milestone, 3),
      maxMilestonesPerRun: num(milestones.max_milestones_per_run, 5),
      maxDiffLinesPerMilestone: num(milestones.max_diff_lines_per_milestone, 1200),
      maxChangedFilesPerMilestone: num(milestones.max_changed_files_per_milestone, 20),
      blockOnP1: review.block_on_p1 !== false,
      allowContinueWithP2: review.allow_continue_with_p2 !== false,
    },
  };
}

/** The state envelope fields the hooks read (`context` unchecked: read it defensively). */
export interface HookState {
  status: string;
  revision: number;
  context: Record<string, unknown>;
}

/** Read the envelope fields from a raw parsed `state.json`; null when status or revision is missing. */
export function hookState(raw: unknown): HookState | null {
  if (!isObject(raw) || typeof raw.status !== 'string' || typeof raw.revision !== 'number' || !Number.isFinite(raw.revision)) return null;
  const snapshot = isObject(raw.snapshot) ? raw.snapshot : {};
  return { status: raw.status, revision: raw.revision, context: isObject(snapshot.context) ? snapshot.context : {} };
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/*
 * hooks.jsonl (issue #4 §1): one JSON line per hook run with the payload fields that matter (session id, event,
 * `stop_hook_active`, tool name), the decision and why, and the workflow facts it saw. Never the transcript,
 * `last_assistant_message`, tool input bodies or file contents. Best effort: a failed write is reported on stderr
 * and never changes the decision.
 */

/** One line of hooks.jsonl. Field names are stable (tests and `loop status` read them). */
export interface HookLogLine {
  /** ISO time. */
  at: string;
  /** `stop`, `stop-failure` or `guard`. */
  hook: string;
  sessionId: string | null;
  /** The payload's `hook_event_name`. */
  event: string | null;
  /** `allow`, `block`, `deny`, `pause`, `ignore` or `error`. */
  decision: string;
  /** Stable code: a `StopAllowWhy`, `continue`, a guard rule, … */
  why: string;
  /** Wall time of the hook until the decision, in ms. */
  ms: number;
  [field: string]: unknown;
}

/** Append `line` to `hookLog` (creating `logs/`). Returns false (after writing to `stderr`) when it failed. */
export function appendHookLog(hookLog: string, line: HookLogLine, stderr: (text: string) => void): boolean {
  const text = `${JSON.stringify(line)}\n`;
  try {
    appendFileSync(hookLog, text);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        mkdirSync(path.dirname(hookLog), { recursive: true });
        appendFileSync(hookLog, text);
        return true;
      } catch {
        // fall through to the report
      }
    }
    stderr(`cccc hook: could not write ${hookLog}: ${(error as Error).message}\n`);
    return false;
  }
}
