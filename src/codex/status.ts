/**
 * Is Codex usable? `codex --version` and `codex login status` (external-interfaces A3), one function each, and
 * {@link codexAvailability} combining them for `cccc doctor` and `cccc codex-check`.
 */
import { execa } from 'execa';
import type { CodexFailureReason } from './classify.js';
import { codexCommand, DEFAULT_CODEX_COMMAND } from './command.js';

/** Options for the probes. */
export interface CodexProbeOptions {
  /** Extra environment, merged over `process.env` (tests put the fake codex on PATH). */
  env?: Record<string, string | undefined>;
  /** Per-probe limit (ms), default 20 s. */
  timeoutMs?: number;
}

/** Reasons a probe can fail with (a subset of the run reasons). */
export type CodexProbeFailureReason = Extract<CodexFailureReason, 'not_installed' | 'not_logged_in' | 'timeout' | 'nonzero_exit'>;

/** A failed probe. */
export interface CodexProbeFailure {
  ok: false;
  reason: CodexProbeFailureReason;
  message: string;
}

/** `codex --version`: `version` is the X.Y.Z of `codex-cli X.Y.Z` (or the raw line if it has another shape). */
export type CodexVersionResult = { ok: true; version: string; raw: string } | CodexProbeFailure;

/** `codex login status`: `message` is Codex's own line, e.g. `Logged in using ChatGPT`. */
export type CodexLoginResult = { ok: true; message: string } | CodexProbeFailure;

/** Both probes together. `reason` is null exactly when `available`. */
export interface CodexAvailability {
  available: boolean;
  command: string;
  version: string | null;
  loggedIn: boolean | null;
  reason: CodexProbeFailureReason | null;
  message: string;
}

const DEFAULT_PROBE_TIMEOUT_MS = 20_000;

/** Run `<cli> --version`. Never throws for Codex failures (a bad `cli_command` throws InvalidInputError). */
export async function codexVersion(cli: string = DEFAULT_CODEX_COMMAND, options: CodexProbeOptions = {}): Promise<CodexVersionResult> {
  const run = await probe(cli, ['--version'], options);
  if (!run.ok) return run;
  if (run.exitCode !== 0) return { ok: false, reason: 'nonzero_exit', message: `${cli} --version exited with code ${run.exitCode}: ${lastLine(run.stderr)}` };
  const raw = run.stdout.trim();
  const match = /codex-cli\s+(\S+)/.exec(raw);
  return { ok: true, version: match?.[1] ?? raw, raw };
}

/**
 * Run `<cli> login status`: exit 0 = logged in, exit 1 = not logged in; the message is on stderr (A3,
 * codex-rs/cli/src/login.rs). Other exit codes are `nonzero_exit`.
 */
export async function codexLoginStatus(cli: string = DEFAULT_CODEX_COMMAND, options: CodexProbeOptions = {}): Promise<CodexLoginResult> {
  const run = await probe(cli, ['login', 'status'], options);
  if (!run.ok) return run;
  const message = lastLine(run.stderr) || lastLine(run.stdout);
  if (run.exitCode === 0) return { ok: true, message: message || 'Logged in' };
  if (run.exitCode === 1) return { ok: false, reason: 'not_logged_in', message: message || 'Not logged in' };
  return { ok: false, reason: 'nonzero_exit', message: `${cli} login status exited with code ${run.exitCode}: ${message}` };
}

/** Version, then login: the first failure decides `reason`. */
export async function codexAvailability(cli: string = DEFAULT_CODEX_COMMAND, options: CodexProbeOptions = {}): Promise<CodexAvailability> {
  const version = await codexVersion(cli, options);
  if (!version.ok) return { available: false, command: cli, version: null, loggedIn: null, reason: version.reason, message: version.message };
  const login = await codexLoginStatus(cli, options);
  if (!login.ok) {
    return { available: false, command: cli, version: version.version, loggedIn: login.reason === 'not_logged_in' ? false : null, reason: login.reason, message: login.message };
  }
  return { available: true, command: cli, version: version.version, loggedIn: true, reason: null, message: `codex-cli ${version.version}; ${login.message}` };
}

type ProbeRun = { ok: true; exitCode: number; stdout: string; stderr: string } | CodexProbeFailure;

async function probe(cli: string, args: string[], options: CodexProbeOptions): Promise<ProbeRun> {
  const command = codexCommand(cli);
  const result = await execa(command.file, [...command.args, ...args], {
    env: options.env,
    reject: false,
    timeout: options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    stdin: 'ignore',
  });
  const label = `${cli} ${args.join(' ')}`;
  if (result.timedOut) return { ok: false, reason: 'timeout', message: `${label} did not answer within ${options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS} ms` };
  if (result.exitCode === undefined) {
    const code = (result as { code?: unknown }).code;
    const reason = code === 'ENOENT' || code === 'EACCES' ? 'not_installed' : 'nonzero_exit';
    return { ok: false, reason, message: `Could not run "${cli}" (${typeof code === 'string' ? code : result.signal ?? 'error'}).` };
  }
  return { ok: true, exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function lastLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '').at(-1) ?? '';
}
