/**
 * Guard rules for destructive commands (issue #4 §3; `safety.pause_on_destructive_commands`): recursive or
 * forced deletes of paths outside the repository or of the repository itself, force pushes and history
 * rewrites, `git reset --hard` / `git clean -f` on a dirty tree, and dropping databases.
 *
 * Decisions worth knowing:
 * - `rm` counts when it is recursive (`-r`, `-R`, `--recursive`) or forced (`-f`, `--force`), in any cluster
 *   or order (`-rf`, `-fr`, `-r -f`); `rimraf` always counts. A plain `rm` is left alone.
 * - A target in the repository is fine, except the root itself, `.git`, and a glob in the root whose name
 *   starts with `.` (it can match `.git`). Strictly inside the caller's temp directory is fine too.
 * - `git clean -x/-X` is refused even on a clean tree: it deletes ignored files (`.env`, local data) that git
 *   never tracked and cannot restore, and `git status` does not show them as changes.
 * - Database drops are matched in the SQL text given to a client (args, here-document, or `echo … |`), which is
 *   SQL rather than shell, so a pattern is the right tool there.
 */
import path from 'node:path';
import type { ShellWord, SimpleCommand } from './shell-commands.js';
import { deleteTargetProblem, isInsideOrEqual, isStrictlyInside, resolveWord, unknownTargetStaysInside } from './guard-paths.js';
import type { GuardPlace } from './guard-paths.js';
import { hasFlag, splitArgs, type GuardContext, type RuleHit } from './guard-rules.js';

const RM_LIKE = new Set(['rm', 'rimraf']);
const FIND_FILTERS = ['-name', '-iname', '-path', '-ipath', '-wholename', '-regex', '-iregex', '-type', '-newer', '-mtime', '-mmin', '-atime', '-size', '-empty', '-user', '-perm'];
const FIND_DELETERS = new Set(['rm', 'rimraf', 'unlink', 'shred']);

/** `rm -rf …` / `rimraf …` of `/`, home, the repository root, `.git` or anything outside the repository. */
export function deleteHits(command: SimpleCommand, context: GuardContext): RuleHit[] {
  if (!RM_LIKE.has(command.name)) return [];
  const { flags, positionals } = splitArgs(command.args);
  const recursive = command.name === 'rimraf' || hasFlag(flags, 'r', '--recursive') || hasFlag(flags, 'R', null);
  const forced = hasFlag(flags, 'f', '--force');
  if (!recursive && !forced) return [];
  const targets = positionals.filter((w) => w.text !== '');
  if (command.via === 'xargs') targets.push(...producerWords(command.stdinFrom));
  const hits: RuleHit[] = [];
  for (const target of targets) {
    const problem = deleteWordProblem(target, command.cwd, context);
    if (problem !== null) hits.push({ rule: 'recursive-delete', reason: `\`${command.name} ${flags.join(' ')} ${target.text}\` would delete ${problem}` });
  }
  return hits;
}

/** `find ROOT … -delete` or `-exec rm …` under a root outside the repository (or the whole repository). */
export function findDeleteHits(command: SimpleCommand, context: GuardContext): RuleHit[] {
  if (command.name !== 'find') return [];
  const texts = command.args.map((a) => a.text);
  const deletes =
    texts.includes('-delete') ||
    texts.some((t, i) => ['-exec', '-execdir', '-ok', '-okdir'].includes(t) && FIND_DELETERS.has(path.posix.basename(texts[i + 1] ?? '')));
  if (!deletes) return [];
  const filtered = texts.some((t) => FIND_FILTERS.includes(t));
  const rootEnd = command.args.findIndex((a) => a.text.startsWith('-') || a.text === '(' || a.text === '!');
  const roots = command.args.slice(0, rootEnd < 0 ? command.args.length : rootEnd);
  const hits: RuleHit[] = [];
  for (const root of roots.length > 0 ? roots : [{ text: '.', glob: false }]) {
    const resolved = root.glob ? null : resolveWord(root, command.cwd, context);
    let problem: string | null;
    if (resolved === null) problem = unknownTargetStaysInside(root, command.cwd, context) ? null : `${root.text}, a path cccc cannot resolve`;
    else if (resolved.path === context.repoRoot && filtered) problem = null;
    else problem = deleteTargetProblem(resolved.path, context);
    if (problem !== null) hits.push({ rule: 'recursive-delete', reason: `\`find ${root.text} …\` with -delete/-exec rm would delete files in ${problem}` });
  }
  return hits;
}

/** Force pushes, remote-ref deletes, history rewrites, and discarding work (`reset --hard`, `clean -f`). */
export function gitHits(command: SimpleCommand, context: GuardContext): RuleHit[] {
  if (command.name !== 'git') return [];
  let i = 0;
  const args = command.args;
  while (i < args.length && (args[i] as ShellWord).text.startsWith('-')) {
    const t = (args[i] as ShellWord).text;
    i += ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env'].includes(t) ? 2 : 1;
  }
  const sub = args[i]?.text ?? '';
  const rest = args.slice(i + 1);
  const shown = `git ${sub}`;
  if (sub === 'push') {
    const { flags, positionals } = splitArgs(rest, ['-o', '--push-option', '--repo', '--receive-pack', '--exec']);
    const refspecs = positionals.slice(1).map((w) => w.text);
    const hits: RuleHit[] = [];
    if (hasFlag(flags, 'f', '--force') || hasFlag(flags, null, '--force-with-lease') || refspecs.some((r) => r.startsWith('+')))
      hits.push({ rule: 'force-push', reason: `\`${shown}\` force-pushes, overwriting remote history` });
    if (hasFlag(flags, null, '--mirror') || hasFlag(flags, 'd', '--delete') || hasFlag(flags, null, '--prune') || refspecs.some((r) => r.startsWith(':')))
      hits.push({ rule: 'force-push', reason: `\`${shown}\` deletes or overwrites remote branches` });
    const remote = positionals[0]?.text ?? '';
    if (['heroku', 'production', 'prod'].includes(remote))
      hits.push({ rule: 'deploy-publish', reason: `\`${shown} ${remote}\` deploys to production` });
    return hits;
  }
  const { flags, positionals } = splitArgs(rest, ['-e', '--exclude', '-m', '--message']);
  const first = positionals[0]?.text ?? '';
  if (sub === 'filter-branch' || sub === 'filter-repo') return [{ rule: 'history-rewrite', reason: `\`${shown}\` rewrites the repository history` }];
  if (sub === 'reflog' && (first === 'expire' || first === 'delete')) return [{ rule: 'history-rewrite', reason: `\`${shown} ${first}\` destroys the reflog that recovers lost commits` }];
  if (sub === 'update-ref' && hasFlag(flags, 'd', '--delete')) return [{ rule: 'history-rewrite', reason: `\`${shown} -d\` deletes a ref` }];
  const dirty = context.treeDirty !== false;
  if (sub === 'reset' && hasFlag(flags, null, '--hard') && dirty)
    return [{ rule: 'discard-changes', reason: `\`${shown} --hard\` would discard uncommitted changes in a dirty working tree` }];
  if (sub === 'clean' && hasFlag(flags, 'f', '--force') && !hasFlag(flags, 'n', '--dry-run')) {
    if (hasFlag(flags, 'x', null) || hasFlag(flags, 'X', null))
      return [{ rule: 'discard-changes', reason: `\`${shown} ${flags.join(' ')}\` deletes ignored files (.env, local data) that git cannot restore` }];
    if (dirty) return [{ rule: 'discard-changes', reason: `\`${shown} ${flags.join(' ')}\` would delete untracked work in a dirty working tree` }];
  }
  return [];
}

const SQL_CLIENTS = new Set(['psql', 'mysql', 'mariadb', 'sqlite3', 'sqlcmd', 'clickhouse-client', 'cockroach', 'cqlsh', 'duckdb']);
const MONGO_CLIENTS = new Set(['mongo', 'mongosh']);
const DROP_SQL = /\bdrop\s+(database|schema|table)\b|\btruncate\s+(table\s+)?[`"'\w]/i;
const DROP_MONGO = /\bdropDatabase\s*\(|\.drop\s*\(/;

/** `dropdb`, `mysqladmin drop`, `redis-cli flushall|flushdb`, and DROP/TRUNCATE SQL sent to a client. */
export function databaseHits(command: SimpleCommand): RuleHit[] {
  const name = command.name;
  const texts = command.args.map((a) => a.text);
  const hit = (what: string): RuleHit[] => [{ rule: 'drop-database', reason: `\`${name}\` ${what}` }];
  if (name === 'dropdb') return hit('drops a database');
  if (name === 'mysqladmin' && texts.some((t) => t.toLowerCase() === 'drop')) return hit('drops a database');
  const fed = [...texts, command.stdinText ?? '', ...producerWords(command.stdinFrom).map((w) => w.text), command.stdinFrom?.stdinText ?? ''];
  if (name === 'redis-cli' && fed.some((t) => /\bflush(all|db)\b/i.test(t))) return hit('flushes Redis data');
  if (SQL_CLIENTS.has(name) && fed.some((t) => DROP_SQL.test(t))) return hit('runs DROP/TRUNCATE SQL');
  if (MONGO_CLIENTS.has(name) && fed.some((t) => DROP_MONGO.test(t))) return hit('drops a MongoDB database or collection');
  return [];
}

/** Words a pipeline producer hands to `xargs` or a client: `find` roots, `echo`/`printf`/`ls` arguments. */
function producerWords(producer: SimpleCommand | null): ShellWord[] {
  if (producer === null) return [];
  if (producer.name === 'find') {
    const end = producer.args.findIndex((a) => a.text.startsWith('-') || a.text === '(' || a.text === '!');
    return producer.args.slice(0, end < 0 ? producer.args.length : end);
  }
  if (producer.name === 'echo' || producer.name === 'printf' || producer.name === 'ls')
    return producer.args.filter((a) => !a.text.startsWith('-'));
  return [];
}

/** Why deleting `word` (recursively) is destructive, or null. */
function deleteWordProblem(word: ShellWord, cwd: string | null, place: GuardPlace): string | null {
  const resolved = resolveWord(word, cwd, place);
  if (resolved === null) return unknownTargetStaysInside(word, cwd, place) ? null : `${word.text}, a path cccc cannot resolve`;
  if (!resolved.glob) return deleteTargetProblem(resolved.path, place);
  const dir = resolved.path;
  const gitDir = path.posix.join(place.repoRoot, '.git');
  if (dir === place.repoRoot) {
    const lastSegment = word.text.slice(word.text.lastIndexOf('/') + 1);
    return lastSegment.startsWith('.') || lastSegment.startsWith('[') ? 'entries of the repository root that can match .git' : null;
  }
  if (isInsideOrEqual(dir, gitDir)) return "the repository's .git history";
  if (isStrictlyInside(dir, place.repoRoot)) return null;
  if (place.tempDir !== null && isInsideOrEqual(dir, place.tempDir)) return null;
  return `everything in ${dir}, outside the repository`;
}
