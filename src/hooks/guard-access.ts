/**
 * Guard rules about what a command touches rather than destroys (issue #4 §3): secret files and private keys
 * (read or written, by a tool or by the shell), cccc's own state files, deploy/publish commands, and
 * real-money transactions.
 *
 * Shell words checked as paths: every argument except options, plus the value of `--opt=value`/`if=value` and
 * the path of `host:path`, and every redirection target. Not checked: the arguments of commands that only
 * print names or metadata (`ls`, `stat`, `test`, `echo`…, so `echo .env >> .gitignore` passes), the pattern
 * of `grep`/`rg` (`grep .env .gitignore` passes), `find` predicates, and `git status|check-ignore|ls-files|rm`.
 */
import path from 'node:path';
import type { SimpleCommand, ShellWord } from './shell-commands.js';
import { resolveText, isInsideOrEqual, type GuardPlace } from './guard-paths.js';
import { secretKindOf, secretKindOfPattern, type SecretKind } from './secret-files.js';
import { splitArgs, hasFlag, type GuardContext, type RuleHit } from './guard-rules.js';

const METADATA_ONLY = new Set(['ls', 'stat', 'file', 'du', 'test', '[', '[[', 'chmod', 'chown', 'touch', 'realpath', 'readlink', 'basename', 'dirname', 'echo', 'printf', 'which', 'type']);
const PATTERN_FIRST = new Set(['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack']);
const GIT_SAFE = new Set(['status', 'check-ignore', 'ls-files', 'rm']);
const WRITE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);

/**
 * A secret-file or private-key hit for a file path (Read/Write/Edit tools or a shell word), or null. `filePath`
 * is classified (resolve it first so home-only names work); `shown` is what the reason names.
 */
export function secretPathHit(
  filePath: string,
  place: GuardPlace,
  options: { glob?: boolean; verb?: string; shown?: string } = {},
): RuleHit | null {
  const kind: SecretKind | null = options.glob ? secretKindOfPattern(filePath, place.homeDir) : secretKindOf(filePath, place.homeDir);
  if (kind === null) return null;
  const what = kind === 'private-key' ? 'a private key or wallet file' : 'a secret file';
  return { rule: kind, reason: `${options.verb ?? 'reads or writes'} ${what} (${options.shown ?? filePath})` };
}

/** Reading or writing a secret file or private key from the shell. */
export function secretShellHits(command: SimpleCommand, context: GuardContext): RuleHit[] {
  const hits: RuleHit[] = [];
  const check = (text: string, glob: boolean): void => {
    const resolved = glob ? null : resolveText(text, command.cwd, context);
    const verb = `\`${command.name || 'redirection'}\` reads or writes`;
    const hit = secretPathHit(resolved ?? text, context, { glob, verb, shown: text });
    if (hit !== null) hits.push(hit);
  };
  for (const r of command.redirects) {
    if (r.op === '<<' || r.op === '<<-' || r.op === '<<<' || /^\d+$/.test(r.target)) continue;
    check(r.target, false);
  }
  for (const word of pathWords(command)) for (const text of pathCandidates(word)) check(text, word.glob);
  return hits;
}

/** Words of `command` that may name files, per the rules in the module comment. */
function pathWords(command: SimpleCommand): ShellWord[] {
  const { name, args } = command;
  if (METADATA_ONLY.has(name)) return [];
  if (name === 'git' && GIT_SAFE.has(args.find((a) => !a.text.startsWith('-'))?.text ?? '')) return [];
  if (name === 'find') {
    const end = args.findIndex((a) => a.text.startsWith('-') || a.text === '(' || a.text === '!');
    return args.slice(0, end < 0 ? args.length : end);
  }
  if (PATTERN_FIRST.has(name)) {
    const { flags, positionals } = splitArgs(args, ['-e', '-f', '-m', '-A', '-B', '-C', '-g', '--glob', '-t', '--type', '--regexp', '--file']);
    return hasFlag(flags, 'e', '--regexp') || hasFlag(flags, 'f', '--file') ? positionals : positionals.slice(1);
  }
  return args;
}

/** The texts of one word that may be paths: itself, after `=`, and after `host:`. Options without `=` give none. */
function pathCandidates(word: ShellWord): string[] {
  const t = word.text;
  if (t.startsWith('-') && !t.includes('=')) return [];
  const out = t.startsWith('-') ? [] : [t];
  const eq = t.indexOf('=');
  if (eq >= 0) out.push(t.slice(eq + 1));
  const colon = t.lastIndexOf(':');
  if (colon > 0 && !t.startsWith('/')) out.push(t.slice(colon + 1));
  return out;
}

/**
 * cccc's own records — docs/cccc/state.json, the journal and the loop counters — written by hand. Only `cccc`
 * commands may change them (issue #4 §4: "never edit docs/cccc/state.json by hand").
 */
export function ccccStatePathHit(filePath: string, repoRoot: string): RuleHit | null {
  const p = path.posix.resolve(repoRoot, filePath.replace(/\\/g, '/'));
  const docs = path.posix.join(repoRoot, 'docs', 'cccc');
  const protectedPaths = [path.posix.join(docs, 'state.json'), path.posix.join(docs, 'logs', 'journal.jsonl')];
  if (protectedPaths.includes(p) || isInsideOrEqual(p, path.posix.join(docs, 'runtime', 'loop')))
    return { rule: 'cccc-state', reason: `this writes ${path.posix.relative(repoRoot, p)}, which only cccc commands may change` };
  return null;
}

/** Shell writes to cccc's records: write redirections, and `tee`/`cp`/`mv`/`rm`/`sed -i`/`truncate`/`dd of=`/`ln`. */
export function ccccStateShellHits(command: SimpleCommand, context: GuardContext): RuleHit[] {
  const targets: string[] = command.redirects.filter((r) => WRITE_REDIRECTS.has(r.op)).map((r) => r.target);
  const { flags, positionals } = splitArgs(command.args);
  const texts = positionals.map((w) => w.text);
  if (['tee', 'mv', 'rm', 'truncate', 'ln', 'install'].includes(command.name)) targets.push(...texts);
  if (command.name === 'cp' && texts.length > 0) targets.push(texts[texts.length - 1] as string);
  if (command.name === 'sed' && hasFlag(flags, 'i', '--in-place')) targets.push(...texts);
  if (command.name === 'dd') targets.push(...command.args.filter((a) => a.text.startsWith('of=')).map((a) => a.text.slice(3)));
  const hits: RuleHit[] = [];
  for (const t of targets) {
    const resolved = resolveText(t, command.cwd, context);
    const hit = resolved === null ? null : ccccStatePathHit(resolved, context.repoRoot);
    if (hit !== null) hits.push(hit);
  }
  return hits;
}

/** `[program, which positional (0-based) is the verb, verbs]`; a verb `*` matches any positional. */
const DEPLOY_TABLE: [string[], number | 'any', string[]][] = [
  [['npm', 'pnpm', 'bun'], 0, ['publish', 'unpublish']],
  [['yarn'], 'any', ['publish']],
  [['cargo', 'poetry', 'uv', 'flit'], 0, ['publish']],
  [['twine'], 0, ['upload']],
  [['gem'], 0, ['push']],
  [['docker', 'podman'], 'any', ['push']],
  [['kubectl', 'oc'], 0, ['apply', 'create', 'delete', 'replace', 'patch', 'scale', 'drain']],
  [['terraform', 'tofu', 'terragrunt'], 0, ['apply', 'destroy']],
  [['pulumi'], 0, ['up', 'destroy']],
  [['cdk'], 0, ['deploy', 'destroy']],
  [['helm'], 0, ['install', 'upgrade', 'delete', 'uninstall', 'rollback']],
  [['fly', 'flyctl'], 'any', ['deploy', 'destroy']],
  [['firebase', 'serverless', 'sls', 'wrangler'], 0, ['deploy', 'publish', 'remove']],
  [['gcloud', 'az'], 'any', ['deploy', 'delete']],
];

/** Options of the deploy tools that take a value (so the value is not read as the verb). */
const DEPLOY_VALUED_OPTIONS = ['-n', '--namespace', '--context', '--kubeconfig', '--project', '--region', '--profile', '-chdir', '--app', '-a', '--filter', '-F', '--dir', '-C', '--prefix', '--workspace', '-w'];

/** Deploy, publish and production-changing commands (`safety.pause_on_production_access`); `--dry-run` passes. */
export function deployHits(command: SimpleCommand): RuleHit[] {
  const { name, args } = command;
  const texts = args.map((a) => a.text);
  const hit = (what: string): RuleHit[] => [{ rule: 'deploy-publish', reason: `\`${name} ${what}\` publishes or changes production` }];
  if (texts.some((t) => t === '--dry-run' || (t.startsWith('--dry-run=') && t !== '--dry-run=none'))) return [];
  const { positionals } = splitArgs(args, DEPLOY_VALUED_OPTIONS);
  const words = positionals.map((w) => w.text);
  for (const [programs, at, verbs] of DEPLOY_TABLE) {
    if (!programs.includes(name)) continue;
    const found = at === 'any' ? words.find((w) => verbs.includes(w)) : verbs.includes(words[at] ?? '') ? words[at] : undefined;
    if (found !== undefined) return hit(found);
  }
  if (name === 'docker' && texts.includes('--push')) return hit('--push');
  if ((name === 'vercel' || name === 'netlify') && texts.some((t) => t === '--prod' || t === '--production')) return hit('--prod');
  if (name === 'aws' && words.some((w) => /^(delete|terminate|deregister)-/.test(w) || w === 'rb' || (w === 'rm' && words.includes('s3')) || w === 'deploy'))
    return hit(words.slice(0, 2).join(' '));
  if (name === 'gh' && words[0] === 'release' && words[1] === 'create') return hit('release create');
  return [];
}

/** Commands that move real money on-chain or in live payment systems (`safety.pause_on_real_money`). */
export function moneyHits(command: SimpleCommand): RuleHit[] {
  const { name } = command;
  const texts = command.args.map((a) => a.text);
  const first = texts.find((t) => !t.startsWith('-')) ?? '';
  const hit = (what: string): RuleHit[] => [{ rule: 'real-money', reason: `\`${name} ${what}\` can move real money` }];
  if (name === 'cast' && (first === 'send' || first === 'publish')) return hit(first);
  if (name === 'forge' && first === 'script' && texts.includes('--broadcast')) return hit('script --broadcast');
  if ((name === 'solana' || name === 'spl-token') && first === 'transfer') return hit('transfer');
  if (name === 'stripe' && texts.includes('--live')) return hit('--live');
  return [];
}
