/**
 * Doctor check of the Stop-hook budget against Claude Code's own block cap: since Claude Code 2.1.143 a turn
 * is force-ended after 8 consecutive Stop-hook blocks in which Claude ran no tool (`CLAUDE_CODE_STOP_HOOK_BLOCK_CAP`
 * changes it; ≤ 0 disables it). A block after which Claude ran a tool resets that count, so a loop that makes
 * progress is never capped — only a spinning one is (external-interfaces C/D1, real-clients.md "Block cap").
 * cccc's `automation.max_no_progress_blocks` should stop a spin before Claude Code does, so the pause is recorded.
 */
import { line, type DoctorCheckFn } from '../types.js';

/** Claude Code's default consecutive-block cap. */
export const CLAUDE_CODE_BLOCK_CAP = 8;

/** The effective cap from `CLAUDE_CODE_STOP_HOOK_BLOCK_CAP` (null: disabled by a value ≤ 0). */
export function effectiveBlockCap(env: Record<string, string | undefined>): { cap: number | null; raw: string | null } {
  const raw = env.CLAUDE_CODE_STOP_HOOK_BLOCK_CAP ?? null;
  if (raw === null || raw.trim() === '' || !Number.isFinite(Number(raw))) return { cap: CLAUDE_CODE_BLOCK_CAP, raw };
  const n = Math.trunc(Number(raw));
  return { cap: n <= 0 ? null : n, raw };
}

/** `max_no_progress_blocks` is below the cap; the line explains what the cap does and does not limit. */
export const checkBlockCap: DoctorCheckFn = async (facts, t) => {
  const config = await facts.validConfig();
  if (!config) return [];
  const title = t('doctor.cap.title');
  const max = config.automation.max_stop_hook_continuations;
  const noProgress = config.automation.max_no_progress_blocks;
  const { cap, raw } = effectiveBlockCap(facts.env);
  if (cap === null) return line('loop.cap', 'PASS', title, t('doctor.cap.disabled', { max, noProgress, value: raw ?? '' }));
  if (noProgress >= cap) return line('loop.cap', 'WARN', title, t('doctor.cap.spin', { noProgress, cap }), t('doctor.cap.spin.hint', { cap }));
  return line('loop.cap', 'PASS', title, t('doctor.cap.ok', { max, noProgress, cap }));
};
