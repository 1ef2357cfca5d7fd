/**
 * What most commands start with: the workspace root, its paths, its validated config, and a way to build
 * machine events with the current time and the config's limits.
 */
import type { WorkflowEvent } from '../../machines/types.js';
import { limitsFromConfig, loadConfig } from '../config/load.js';
import type { CcccConfig } from '../config/schema.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';
import { findWorkspaceRoot } from '../workspace/root.js';

/** Collaborators a command may replace in tests. */
export interface CommandDeps {
  /** The directory the command runs in. */
  cwd: string;
  /** The clock (events and artifacts are stamped with it). */
  now: () => Date;
  /** Progress and log lines (stderr in the CLI). */
  log: (line: string) => void;
}

/** Default dependencies for the CLI process. */
export function defaultDeps(): CommandDeps {
  return { cwd: process.cwd(), now: () => new Date(), log: (line) => process.stderr.write(`${line}\n`) };
}

/** An opened workspace. */
export interface Workspace {
  paths: WorkspacePaths;
  config: CcccConfig;
}

/** Find the root from `deps.cwd` and load the config. Throws NOT_A_GIT_REPO, CONFIG_MISSING or CONFIG_INVALID. */
export async function openWorkspace(deps: Pick<CommandDeps, 'cwd'>): Promise<Workspace> {
  const paths = workspacePaths(findWorkspaceRoot(deps.cwd));
  return { paths, config: await loadConfig(paths) };
}

type Payload<E extends WorkflowEvent> = E extends unknown ? Omit<E, 'at' | 'limits'> : never;

/** Stamp an event with the current time (ISO-8601 UTC) and the config's limits. */
export function makeEvent(payload: Payload<WorkflowEvent>, config: CcccConfig, deps: Pick<CommandDeps, 'now'>): WorkflowEvent {
  return { ...payload, at: deps.now().toISOString(), limits: limitsFromConfig(config) } as WorkflowEvent;
}
