/**
 * The offline reviewer of `cccc demo` — a SIMULATION of Codex, never a substitute for it (issue #7). `cccc demo`
 * sets the demo repository's `codex.cli_command` to `<node> <this file> --demo-token <token>`, and `cccc review`
 * runs it exactly as it runs `codex` (external-interfaces A2–A4):
 *
 *   exec --cd DIR --sandbox read-only --skip-git-repo-check --json --output-schema F --output-last-message O [-m M] [-c k=v] -
 *
 * with the prompt on stdin; it writes JSONL events on stdout and the verdict to O. It validates those flags like
 * the fake codex of the tests (exit 2 on a missing `--sandbox read-only`, `--json`, `--output-schema`, `-o`, or a
 * positional prompt), reads the schema file to know the gate, and answers with simulated-verdict.ts.
 *
 * It REFUSES (exit 2, nothing written) unless `--cd` is a repository created by `cccc demo` whose `.cccc-demo`
 * token equals `--demo-token` (marker.ts), so it can never review a real workspace. `--version` always answers
 * (labelled); `login status` answers only inside a demo repository.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoRefusal, findDemoRoot, SIMULATION_LABEL } from './marker.js';
import { failingTests, gateOfSchema, simulatedCodeVerdict, simulatedPlanVerdict, type DemoTestRun } from './simulated-verdict.js';

/** What `--version` prints (the shape `codex-cli X` that `cccc doctor` parses). */
export const SIMULATED_VERSION = 'codex-cli 0.0.0-simulation (cccc demo reviewer — a SIMULATION, not Codex)';

interface ExecOptions {
  cd: string | null;
  sandbox: string | null;
  json: boolean;
  schema: string | null;
  out: string | null;
  positional: string[];
}

const argv = process.argv.slice(2);
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cccc simulated reviewer: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);

async function main(): Promise<number> {
  let token: string | null = null;
  const args = [...argv];
  while (args[0] === '--demo-token') {
    token = args[1] ?? null;
    args.splice(0, 2);
  }
  if (args[0] === '--version' || args[0] === '-V') {
    process.stdout.write(`${SIMULATED_VERSION}\n`);
    return 0;
  }
  if (args[0] === 'login' && args[1] === 'status') {
    const refusal = demoRefusal(findDemoRoot(process.cwd()), token);
    if (refusal !== null) return refuse(refusal);
    process.stderr.write(`${SIMULATION_LABEL} Logged in as the cccc demo's simulated reviewer (no credentials are used)\n`);
    return 0;
  }
  if (args[0] !== 'exec') return usage(`expected "exec", "login status" or "--version", got ${JSON.stringify(args)}`);
  const options = parseExec(args.slice(1));
  if (typeof options === 'string') return usage(options);
  const root = path.resolve(options.cd ?? process.cwd());
  const refusal = demoRefusal(findDemoRoot(root) === root ? root : null, token);
  if (refusal !== null) return refuse(refusal);
  return exec(options as ExecOptions & { schema: string; out: string }, root);
}

function refuse(why: string): number {
  process.stderr.write(`cccc simulated reviewer: refusing: ${why}. It only reviews repositories made by \`cccc demo\`; use the real Codex CLI (codex.cli_command "codex") for real work.\n`);
  return 2;
}

function usage(message: string): number {
  process.stderr.write(`error: ${message}\n\nUsage: <simulated codex> exec [OPTIONS] -\n`);
  return 2;
}

/** Parse the exec flags cccc sends; returns the options or a usage message. */
function parseExec(args: string[]): ExecOptions | string {
  const o: ExecOptions = { cd: null, sandbox: null, json: false, schema: null, out: null, positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string | null => args[++i] ?? null;
    if (arg === '--cd' || arg === '-C') o.cd = value();
    else if (arg === '--sandbox' || arg === '-s') o.sandbox = value();
    else if (arg === '--json') o.json = true;
    else if (arg === '--output-schema') o.schema = value();
    else if (arg === '--output-last-message' || arg === '-o') o.out = value();
    else if (arg === '--model' || arg === '-m' || arg === '--config' || arg === '-c' || arg === '--profile' || arg === '-p') value();
    else if (arg === '--skip-git-repo-check' || arg === '--ephemeral') continue;
    else if (arg.startsWith('-') && arg !== '-') return `unexpected argument '${arg}' found`;
    else o.positional.push(arg);
  }
  if (o.sandbox !== 'read-only') return `the simulated reviewer requires --sandbox read-only (got ${JSON.stringify(o.sandbox)})`;
  if (!o.json) return 'the simulated reviewer requires --json';
  if (!o.schema) return 'the simulated reviewer requires --output-schema FILE';
  if (!o.out) return 'the simulated reviewer requires -o/--output-last-message FILE';
  if (o.positional.length !== 1 || o.positional[0] !== '-') return `the prompt must come on stdin ("-"), got ${JSON.stringify(o.positional)}`;
  return o;
}

async function exec(o: ExecOptions & { schema: string; out: string }, root: string): Promise<number> {
  const prompt = await readStdin();
  if (prompt.trim() === '') {
    process.stderr.write('No prompt provided via stdin.\n');
    return 1;
  }
  const gate = gateOfSchema(JSON.parse(readFileSync(o.schema, 'utf8')));
  emit({ type: 'thread.started', thread_id: `simulation-${Date.now().toString(36)}` });
  emit({ type: 'turn.started' });
  emit({ type: 'item.completed', item: { id: 'item_0', type: 'reasoning', text: `${SIMULATION_LABEL} cccc demo's simulated ${gate} review (no model is called)` } });
  let verdict: Record<string, unknown>;
  if (gate === 'plan') verdict = simulatedPlanVerdict(prompt);
  else {
    const tests = runDemoTests(root);
    emit({ type: 'item.completed', item: { id: 'item_1', type: 'command_execution', command: tests.command, aggregated_output: tests.outputTail, exit_code: tests.passed ? 0 : 1, status: 'completed' } });
    verdict = simulatedCodeVerdict(gate, tests);
  }
  const text = JSON.stringify(verdict);
  emit({ type: 'item.completed', item: { id: 'item_2', type: 'agent_message', text } });
  writeFileSync(o.out, text);
  emit({ type: 'turn.completed', usage: { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0 } });
  return 0;
}

/** `node --test` in the demo repository (TAP reporter, 60 s limit). Reads files only; writes nothing. */
function runDemoTests(root: string): DemoTestRun {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // started under a test runner, node --test would report to its parent instead
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=tap'], { cwd: root, env, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const passed = result.status === 0;
  return { command: 'node --test', passed, failing: passed ? [] : failingTests(output, root), outputTail: output.split('\n').slice(-40).join('\n') };
}

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function readStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk as string;
  return text;
}
