/**
 * Whether a hook event from `sessionId` may pause the workflow (StopFailure, guard deny — issue #4 §3). The
 * session that owns the active loop drives the workflow; an API error or a denied command in *another* Claude
 * session in the same repository says nothing about that run, so it must not pause it (the same rule that
 * keeps a second session from ever being blocked, peers.md §7.11). Without an active owned loop, any session
 * may: a workflow run by hand has no owner to protect.
 */
import type { LoopRecord } from './stop-decision.js';

/** True when the loop does not belong to some other session. An empty or missing id never matches an owner. */
export function mayPauseWorkflow(loop: Pick<LoopRecord, 'active' | 'ownerSessionId'> | null, sessionId: string | null): boolean {
  if (loop === null || !loop.active) return true;
  const owner = typeof loop.ownerSessionId === 'string' && loop.ownerSessionId.trim() !== '' ? loop.ownerSessionId : null;
  if (owner === null) return true;
  return sessionId !== null && sessionId === owner;
}
