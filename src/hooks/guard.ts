/**
 * The PreToolUse sensitive-operation guard (issue #4 §3): decides allow or deny for a tool call, and renders
 * the hook output. Pure: the caller (`cccc hook guard`) reads the payload and config, asks git whether the
 * tree is dirty, calls {@link decideGuard}, prints {@link guardHookOutput} when it is not null, and records a
 * `SENSITIVE_OPERATION` pause on a deny when a workflow is active.
 *
 * Tools: `Bash` (its `command`, parsed — see shell-commands.ts), `Read`, `Write`, `Edit`, `MultiEdit` (their
 * `file_path`) and `NotebookEdit` (`notebook_path`). Anything else is allowed. It only ever says `deny` or
 * nothing: unlike the original's `ask` (inventory §7.3), a deny reaches Claude with the reason and works even
 * in bypassPermissions mode (external-interfaces B4).
 */
import { ccccStatePathHit, secretPathHit } from './guard-access.js';
import { resolveText } from './guard-paths.js';
import { commandHits, RULE_FLAG, type GuardContext, type GuardRule, type RuleHit, type SafetyFlags } from './guard-rules.js';
import { simpleCommands } from './shell-commands.js';

export type { GuardRule, SafetyFlags } from './guard-rules.js';

/** The PreToolUse payload fields the guard uses (from `parseHookPayload`). */
export interface GuardPayload {
  toolName: string | null;
  toolInput: Record<string, unknown> | null;
  /** Where Claude's shell is (`cwd` follows `cd`); relative paths resolve against it. Null → repository root. */
  cwd: string | null;
}

/** Facts the caller gathers. Paths absolute (POSIX). */
export interface GuardFacts {
  repoRoot: string;
  homeDir: string;
  /** A temp directory whose contents may be deleted (e.g. `os.tmpdir()`); null or missing = none. */
  tempDir?: string | null;
  /** `safety.*` from config; a missing flag (or a null object) counts as true. */
  safety: Partial<SafetyFlags> | null;
  /** Whether the working tree has uncommitted changes; null when unknown (treated as dirty). */
  treeDirty: boolean | null;
}

/** The decision; `rule` is a stable code (see {@link GuardRule}). */
export type GuardDecision = { decision: 'allow' } | { decision: 'deny'; rule: GuardRule; reason: string };

const PATH_TOOLS: Record<string, { key: string; writes: boolean }> = {
  Read: { key: 'file_path', writes: false },
  Write: { key: 'file_path', writes: true },
  Edit: { key: 'file_path', writes: true },
  MultiEdit: { key: 'file_path', writes: true },
  NotebookEdit: { key: 'notebook_path', writes: true },
};

/** Decide one tool call. Never throws. */
export function decideGuard(payload: GuardPayload, facts: GuardFacts): GuardDecision {
  const context: GuardContext = {
    repoRoot: facts.repoRoot,
    homeDir: facts.homeDir,
    tempDir: facts.tempDir ?? null,
    treeDirty: facts.treeDirty,
  };
  const cwd = payload.cwd ?? facts.repoRoot;
  const hits = toolHits(payload, context, cwd);
  const first = hits.find((h) => enabled(h.rule, facts.safety));
  return first === undefined ? { decision: 'allow' } : { decision: 'deny', rule: first.rule, reason: denyReason(first) };
}

function toolHits(payload: GuardPayload, context: GuardContext, cwd: string): RuleHit[] {
  const input = payload.toolInput;
  if (payload.toolName === null || input === null) return [];
  if (payload.toolName === 'Bash') {
    const command = input.command;
    if (typeof command !== 'string') return [];
    let analysis;
    try {
      analysis = simpleCommands(command, { cwd, homeDir: context.homeDir });
    } catch {
      return [{ rule: 'unparseable', reason: 'the command could not be parsed for checking' }];
    }
    if (!analysis.ok) return [{ rule: 'unparseable', reason: 'the command nests shells too deeply to check' }];
    return analysis.commands.flatMap((c) => commandHits(c, context));
  }
  const tool = PATH_TOOLS[payload.toolName];
  const raw = tool === undefined ? undefined : input[tool.key];
  if (tool === undefined || typeof raw !== 'string' || raw === '') return [];
  const filePath = resolveText(raw, cwd, context) ?? raw;
  const verb = `${payload.toolName} ${tool.writes ? 'writes' : 'reads'}`;
  const hits: RuleHit[] = [];
  const secret = secretPathHit(filePath, context, { verb });
  if (secret !== null) hits.push(secret);
  const state = tool.writes ? ccccStatePathHit(filePath, context.repoRoot) : null;
  if (state !== null) hits.push(state);
  return hits;
}

function enabled(rule: GuardRule, safety: Partial<SafetyFlags> | null): boolean {
  const flag = RULE_FLAG[rule];
  return flag === null || safety?.[flag] !== false;
}

function denyReason(hit: RuleHit): string {
  const flag = RULE_FLAG[hit.rule];
  const why = flag === null ? 'cccc never allows this' : `docs/cccc/config.json has safety.${flag} on`;
  const text =
    `cccc guard denied this (${hit.rule}): ${hit.reason}. ${why}. ` +
    'Do not work around it with another command, tool or encoding. If the task truly needs it, stop and tell the ' +
    'user what you need and why (in a cccc workflow: `cccc pause --kind sensitive --reason "…"`).';
  return text.length > 9_000 ? `${text.slice(0, 8_999)}…` : text;
}

/**
 * The hook's stdout object for a decision (external-interfaces B4): for a deny,
 * `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":…}}`;
 * null for allow (print nothing, so Claude Code's own permission flow decides).
 */
export function guardHookOutput(decision: GuardDecision): {
  hookSpecificOutput: { hookEventName: 'PreToolUse'; permissionDecision: 'deny'; permissionDecisionReason: string };
} | null {
  if (decision.decision === 'allow') return null;
  return {
    hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: decision.reason },
  };
}
