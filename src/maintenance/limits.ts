/**
 * The limits stamped on events that `repair`/`reset` append (every journaled event carries `limits` —
 * machines/types.ts `EventBase`). Pause events do not decide on them, but the journal line must validate.
 * Source order: the workspace config; else the last journal event's limits; else the recommended preset —
 * so repair still works when config.json is broken.
 */
import type { Limits } from '../../machines/types.js';
import { limitsFromConfig, loadConfig } from '../config/load.js';
import { recommendedConfig } from '../config/presets.js';
import { LimitsSchema } from '../state/context-schema.js';
import type { JournalEntry } from '../state/journal.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** Limits for events appended by a rebuild (never throws for a bad config). */
export async function limitsForRebuild(paths: WorkspacePaths, entries: readonly JournalEntry[]): Promise<Limits> {
  try {
    return limitsFromConfig(await loadConfig(paths));
  } catch {
    const last = LimitsSchema.safeParse(entries.at(-1)?.event.limits);
    return last.success ? last.data : limitsFromConfig(recommendedConfig());
  }
}
