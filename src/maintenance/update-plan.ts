/**
 * What `cccc update` would do (issue #5): read config.json and state.json without trusting them, detect their
 * schema versions, and compute the migrations (pure functions under `src/migrations/`), the stale generated
 * commands and the hook registrations that do not run the installed entry. Read-only; every refusal happens here, before anything is written.
 */
import { readFile } from 'node:fs/promises';
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import { CONFIG_VERSION } from '../config/schema.js';
import { InvalidInputError, NotSetUpError } from '../errors.js';
import { migrateConfig, type ConfigMigrationResult } from '../migrations/config/index.js';
import type { JsonObject } from '../migrations/note.js';
import { stateNeedsMigration, stateSchemaVersion } from '../migrations/state/index.js';
import { migrateOriginalState, type StateMigration } from '../migrations/state/v0-original.js';
import { docStates } from '../plan/docs.js';
import { readMilestones } from '../plan/milestones.js';
import { parseEnvelope, type StateEnvelope } from '../state/envelope.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { staleCommands } from './commands-status.js';
import { staleHookFiles } from './hooks-repoint.js';

/** state.json as update sees it. */
export type StateUpdate =
  | { kind: 'missing' }
  | { kind: 'current'; envelope: StateEnvelope }
  | { kind: 'original'; migration: StateMigration };

/** The computed update. `config.from` is the config's schema version (0 = the original skill's). */
export interface UpdatePlan {
  config: ConfigMigrationResult;
  state: StateUpdate;
  staleCommands: string[];
  /** Settings files whose cccc hooks do not run the installed entry. */
  staleHooks: string[];
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseJson(text: string, rel: string, code: string, hint: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(code, `${rel} is not valid JSON: ${(error as Error).message}`, hint, { file: rel }, error);
  }
}

async function planState(paths: WorkspacePaths): Promise<StateUpdate> {
  const rel = paths.rel(paths.state);
  const text = await readIfExists(paths.state);
  if (text === null) return { kind: 'missing' };
  const value = parseJson(text, rel, 'STATE_CORRUPT', 'Run `cccc repair` first; update never rewrites a file it cannot parse.');
  const version = stateSchemaVersion(value, rel);
  if (!stateNeedsMigration(version)) return { kind: 'current', envelope: parseEnvelope(text, rel) };
  const [docs, milestones] = await Promise.all([docStates(paths, [...DISCOVERY_DOCS, ...PLANNING_DOCS]), readMilestones(paths)]);
  return { kind: 'original', migration: migrateOriginalState(value as JsonObject, { docs, milestones }) };
}

/**
 * Compute the update of the workspace at `paths`. Throws `CONFIG_MISSING` (exit 7), `CONFIG_INVALID`,
 * `CONFIG_NEWER`, `CONFIG_MIGRATION_BLOCKED`, `STATE_CORRUPT`, `STATE_NEWER` (exit 4) — all before any write.
 */
export async function planUpdate(paths: WorkspacePaths, templateRoot: string, version: string, hook: { entry: string; node: string }): Promise<UpdatePlan> {
  const rel = paths.rel(paths.config);
  const text = await readIfExists(paths.config);
  if (text === null) throw new NotSetUpError('CONFIG_MISSING', `${rel} does not exist.`, 'Run `cccc setup` in this repository first.');
  const raw = parseJson(text, rel, 'CONFIG_INVALID', `Fix the JSON syntax in ${rel}; update never rewrites a file it cannot parse.`);
  const config = migrateConfig(raw, rel);
  const state = await planState(paths);
  return {
    config,
    state,
    staleCommands: await staleCommands(paths, templateRoot, version),
    staleHooks: await staleHookFiles(paths, hook.entry, hook.node),
  };
}

/** True when the plan migrates anything (config or state) — generated commands aside. */
export function migrates(plan: UpdatePlan): boolean {
  return plan.config.from < CONFIG_VERSION || plan.state.kind === 'original';
}
