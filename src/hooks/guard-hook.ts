/**
 * `cccc hook guard`: the PreToolUse entry (issue #4 §3). Decides with the pure `decideGuard`, prints the
 * `permissionDecision: "deny"` object for a deny and nothing for an allow (Claude Code's own permission flow then
 * decides), and on a deny records a `SENSITIVE_OPERATION` pause when a workflow is active and this session may
 * pause it (hook-ownership.ts).
 *
 * Cheap by default: the only rule that needs a spawn is "`git reset --hard` / `git clean` on a dirty tree", so
 * the tree is first assumed dirty (unknown counts as dirty in the rules) and `git status --porcelain` runs only
 * when that assumption is what made the decision a `discard-changes` deny. Allows are not logged (this hook runs
 * before every tool call); denies go to hooks.jsonl.
 */
import path from 'node:path';
import { STATUS_TABLE } from '../../machines/status-table.js';
import { decideGuard, guardHookOutput, type GuardDecision, type GuardFacts, type GuardPayload } from './guard.js';
import { elapsedMs, type HookIO } from './hook-io.js';
import type { HookPauseResult } from './hook-pause.js';
import { appendHookLog, findHookWorkspace, findUpDir, hookConfig, hookState, readJsonFile } from './hook-workspace.js';
import { parseHookPayload } from './payload.js';

/** Run the guard once. */
export async function runGuardHook(io: HookIO): Promise<void> {
  const started = process.hrtime.bigint();
  const payload = parseHookPayload((await io.readStdin()).text);
  if (payload.hookEventName !== null && payload.hookEventName !== 'PreToolUse') return;
  const paths = findHookWorkspace(payload.cwd, io.env, io.cwd);
  const config = paths === null ? null : hookConfig(readJsonFile(paths.config), io.env);
  const repoRoot = paths?.root ?? gitRootOf(payload.cwd ?? io.env.CLAUDE_PROJECT_DIR ?? io.cwd);
  const guardPayload: GuardPayload = { toolName: payload.toolName, toolInput: payload.toolInput, cwd: payload.cwd };
  const facts: GuardFacts = { repoRoot, homeDir: io.homeDir, tempDir: io.tempDir, safety: config?.safety ?? null, treeDirty: null };
  let decision: GuardDecision = decideGuard(guardPayload, facts);
  if (decision.decision === 'deny' && decision.rule === 'discard-changes') {
    decision = decideGuard(guardPayload, { ...facts, treeDirty: await treeDirty(repoRoot) });
  }
  const output = guardHookOutput(decision);
  if (output === null || decision.decision !== 'deny') return;
  io.stdout(JSON.stringify(output));
  io.stderr(`cccc hook guard: deny (${decision.rule})\n`);
  if (paths === null) return;

  const state = hookState(readJsonFile(paths.state));
  const active = state !== null && STATUS_TABLE[state.status as keyof typeof STATUS_TABLE]?.kind === 'active';
  let pause: HookPauseResult | null = null;
  // Only a deny gets here: the modules that record a pause are loaded now, not before every tool call.
  const [{ mayPauseWorkflow }, { readLoopFile }, { recordHookPause }] = await Promise.all([
    import('./hook-ownership.js'),
    import('./loop-record.js'),
    import('./hook-pause.js'),
  ]);
  if (active && config !== null && mayPauseWorkflow(readLoopFile(paths.loopDir), payload.sessionId)) {
    const reason = `cccc guard denied a ${payload.toolName ?? 'tool'} call (${decision.rule}): ${decision.reason}`;
    pause = await recordHookPause(
      paths,
      { kind: 'sensitive', reason: reason.length > 2_000 ? `${reason.slice(0, 1_999)}…` : reason, code: `guard:${decision.rule}` },
      { at: io.now().toISOString(), limits: config.limits },
    );
  }
  appendHookLog(
    paths.hookLog,
    {
      at: io.now().toISOString(),
      hook: 'guard',
      sessionId: payload.sessionId,
      event: payload.hookEventName,
      tool: payload.toolName,
      decision: 'deny',
      why: decision.rule,
      status: state?.status ?? null,
      ...(pause ? { pause } : {}),
      ms: elapsedMs(started),
    },
    io.stderr,
  );
}

/** The git root above `dir` (by `.git`, no spawn), else `dir` itself. */
function gitRootOf(dir: string): string {
  const start = path.isAbsolute(dir) ? dir : path.resolve(dir);
  return findUpDir(start, '.git') ?? start;
}

/** `git status --porcelain` is non-empty; null (treated as dirty) when git fails or takes over 5 s. */
async function treeDirty(repoRoot: string): Promise<boolean | null> {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8', timeout: 5_000, stdio: ['ignore', 'pipe', 'ignore'] });
  if (result.status !== 0 || typeof result.stdout !== 'string') return null;
  return result.stdout.trim() !== '';
}
