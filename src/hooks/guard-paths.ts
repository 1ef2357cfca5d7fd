/**
 * Path facts for the PreToolUse guard: where a shell word points, and whether that is inside the repository.
 * POSIX paths (Claude Code's Bash tool runs a POSIX shell; Windows tool paths are normalised to `/`).
 */
import path from 'node:path';
import type { ShellWord } from './shell-commands.js';
import { SUBSTITUTION_WORD } from './shell-commands.js';

/** What the guard knows about the machine the command runs on. All paths absolute. */
export interface GuardPlace {
  repoRoot: string;
  homeDir: string;
  /** A temp directory whose contents may be deleted freely (e.g. `os.tmpdir()`), or null for none. */
  tempDir: string | null;
}

/**
 * Where `word` points when run in `cwd`: `~`, `~/…`, `$HOME`, `$PWD`, `$CLAUDE_PROJECT_DIR` and a leading
 * `$(pwd)` are expanded;
 * null when it cannot be known (another variable, a substitution, `~user`, a relative path in an unknown cwd).
 * For a glob, the directory its matches live in is returned with `glob: true`.
 */
export function resolveWord(
  word: ShellWord,
  cwd: string | null,
  place: GuardPlace,
): { path: string; glob: boolean } | null {
  const text = word.text.replace(/\\/g, '/');
  if (text === SUBSTITUTION_WORD) return null;
  if (word.glob) {
    const firstWild = text.search(/[*?[]/);
    const stem = firstWild < 0 ? text : text.slice(0, firstWild);
    const dir = stem.includes('/') ? stem.slice(0, stem.lastIndexOf('/') + 1) : '';
    const resolved = resolveText(dir === '' ? '.' : dir, cwd, place);
    return resolved === null ? null : { path: resolved, glob: true };
  }
  const resolved = resolveText(text, cwd, place);
  return resolved === null ? null : { path: resolved, glob: false };
}

/** Resolve plain text (no glob) the way {@link resolveWord} does. */
export function resolveText(text: string, cwd: string | null, place: GuardPlace): string | null {
  let t = text.replace(/\\/g, '/');
  // `"$(pwd)/dist"` is common enough to resolve; any other substitution is unknown.
  if (cwd !== null) t = t.replace(/^(\$\(pwd\)|`pwd`)(?=\/|$)/, cwd);
  if (t.includes('$(') || t.includes('`')) return null;
  if (t === '~' || t.startsWith('~/')) t = place.homeDir + t.slice(1);
  else if (t.startsWith('~')) return null;
  t = t
    .replace(/\$HOME(?=\/|$)/g, place.homeDir)
    .replace(/\$CLAUDE_PROJECT_DIR(?=\/|$)/g, place.repoRoot)
    .replace(/\$PWD(?=\/|$)/g, cwd ?? '$PWD');
  if (t.includes('$')) return null;
  if (path.posix.isAbsolute(t)) return path.posix.resolve(t);
  return cwd === null ? null : path.posix.resolve(cwd, t);
}

/** True when `p` is strictly below `dir` (not `dir` itself). */
export function isStrictlyInside(p: string, dir: string): boolean {
  const rel = path.posix.relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !path.posix.isAbsolute(rel);
}

/** True when `p` is `dir` or below it. */
export function isInsideOrEqual(p: string, dir: string): boolean {
  return p === dir || isStrictlyInside(p, dir);
}

/**
 * Why deleting `target` recursively would be destructive, or null when it is a normal in-repo delete:
 * `/`, the home directory, the repository root, the repository's `.git`, or anything outside the repository
 * (except strictly inside `tempDir`).
 */
export function deleteTargetProblem(target: string, place: GuardPlace): string | null {
  if (target === '/') return 'the filesystem root';
  if (target === place.homeDir) return 'the home directory';
  if (target === place.repoRoot) return 'the repository root';
  if (isInsideOrEqual(target, path.posix.join(place.repoRoot, '.git'))) return "the repository's .git history";
  if (isStrictlyInside(target, place.repoRoot)) return null;
  if (place.tempDir !== null && isStrictlyInside(target, place.tempDir)) return null;
  return `${target}, outside the repository`;
}

/**
 * For a delete target that cannot be fully resolved (`dist/$NAME`), whether its literal beginning is a
 * directory strictly inside the repository and nothing after it climbs (`..`): then it stays inside.
 */
export function unknownTargetStaysInside(word: ShellWord, cwd: string | null, place: GuardPlace): boolean {
  const text = word.text.replace(/\\/g, '/');
  const cut = text.search(/\$|`/);
  if (cut <= 0) return false;
  const head = text.slice(0, cut);
  if (!head.includes('/') || text.slice(cut).split('/').includes('..')) return false;
  const dir = resolveText(head.slice(0, head.lastIndexOf('/') + 1), cwd, place);
  return dir !== null && isStrictlyInside(dir, place.repoRoot) && !isInsideOrEqual(dir, path.posix.join(place.repoRoot, '.git'));
}
