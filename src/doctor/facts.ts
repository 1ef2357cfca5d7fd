/**
 * What the doctor checks read, gathered once and lazily, and never written: the workspace root (found without
 * failing: the config's folder, else the git root, else the current directory), the config and state files
 * as found (missing, unparseable, invalid or valid), the journal, and the environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeIssues, type ConfigIssue } from '../config/load.js';
import { ConfigSchema, type CcccConfig } from '../config/schema.js';
import { readJournalFile, readStateFile, type JournalRead, type StateRead } from '../state/verify.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';
import { findUp } from '../workspace/root.js';

/** Collaborators of `cccc doctor` (tests replace them). */
export interface DoctorDeps {
  /** The directory doctor runs in. */
  cwd: string;
  /** Environment merged over `process.env`: Codex probes run with it; `LANG` and `CLAUDE_CODE_STOP_HOOK_BLOCK_CAP` are read from it. */
  env?: Record<string, string | undefined>;
  /** The Node.js version to judge (default `process.versions.node`). */
  nodeVersion?: string;
  /** Absolute path of this installation's `dist/src/bin.js` (default: found from the package root). */
  installedEntry?: string;
  /** Package root holding `commands-template/` (default: the installed package). */
  templateRoot?: string;
  /** Version stamped into generated commands (default: the package version). */
  version?: string;
  /** Limit for each Codex probe (ms; default 20 s). */
  probeTimeoutMs?: number;
}

/** The config file as found. `invalid` carries every problem with its dotted field path. */
export type ConfigRead =
  | { kind: 'missing' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'json'; message: string }
  | { kind: 'invalid'; issues: ConfigIssue[] }
  | { kind: 'valid'; config: CcccConfig };

/** Facts shared by the checks. Reads are memoised, so each file is read once per doctor run. */
export interface DoctorFacts {
  deps: DoctorDeps;
  /** `process.env` with `deps.env` over it. */
  env: Record<string, string | undefined>;
  /** The workspace root, or `cwd` when neither a config nor a `.git` was found above it. */
  root: string;
  paths: WorkspacePaths;
  /** The text of `docs/cccc/config.json`, or null when it cannot be read. */
  configText: string | null;
  config(): Promise<ConfigRead>;
  /** The validated config, or null when it is missing or invalid. */
  validConfig(): Promise<CcccConfig | null>;
  state(): Promise<StateRead>;
  journal(): Promise<JournalRead>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

function readConfigText(file: string): { text: string | null; error: NodeJS.ErrnoException | null } {
  try {
    return { text: readFileSync(file, 'utf8'), error: null };
  } catch (error) {
    return { text: null, error: error as NodeJS.ErrnoException };
  }
}

/** Parse and validate config text (pure). */
export function judgeConfigText(text: string): ConfigRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'json', message: (error as Error).message };
  }
  const result = ConfigSchema.safeParse(value);
  return result.success ? { kind: 'valid', config: result.data } : { kind: 'invalid', issues: describeIssues(result.error.issues) };
}

/** Gather the facts for a doctor run in `deps.cwd`. Never throws and never writes. */
export function gatherFacts(deps: DoctorDeps): DoctorFacts {
  const cwd = path.resolve(deps.cwd);
  const root = findUp(cwd, path.join('docs', 'cccc', 'config.json')) ?? findUp(cwd, '.git') ?? cwd;
  const paths = workspacePaths(root);
  const { text, error } = existsSync(paths.config) ? readConfigText(paths.config) : { text: null, error: null };
  const config = once(async (): Promise<ConfigRead> => {
    if (text !== null) return judgeConfigText(text);
    if (error && error.code !== 'ENOENT') return { kind: 'unreadable', message: error.message };
    return { kind: 'missing' };
  });
  return {
    deps,
    env: { ...process.env, ...deps.env },
    root,
    paths,
    configText: text,
    config,
    validConfig: async () => {
      const read = await config();
      return read.kind === 'valid' ? read.config : null;
    },
    state: once(() => readStateFile(paths)),
    journal: once(() => readJournalFile(paths.journal)),
  };
}
