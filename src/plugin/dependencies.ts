/**
 * The production dependency tree of an installed package, laid out for copying into a plugin's
 * `node_modules/` (issue #7 "plugin layout"): the plugin must run with no `npm install`, so it carries the exact
 * dependency files this installation runs with — `dependencies` and installed `optionalDependencies`, never
 * `devDependencies` (the 245 MB Claude Code binary stays out).
 *
 * Each dependency is found the way Node resolves it (`<dir>/node_modules/<name>`, walking up from the requiring
 * package). It is placed at the top of the output's `node_modules/` when that slot is free or already holds the
 * same package, else nested under the package that requires it — so two versions of one name both survive,
 * each visible to the packages that need it. Pure planning plus reads of package.json files; no writes.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../errors.js';

/** One package to copy: its installed directory and where it goes, relative to the output root. */
export interface DependencyPlacement {
  name: string;
  version: string;
  /** Absolute, symlinks resolved. */
  source: string;
  /** Output-relative, e.g. `node_modules/execa` or `node_modules/a/node_modules/b`. */
  target: string;
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Node's lookup of `name` from the package in `fromDir`: the first `<ancestor>/node_modules/<name>` that exists. */
export function resolvePackageDir(name: string, fromDir: string): string | null {
  let dir = fromDir;
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Plan the copy of the production dependencies of the package at `rootDir`. Returns placements in breadth-first
 * order. Throws {@link InvalidInputError} `DEPENDENCY_MISSING` when a required dependency is not installed.
 */
export function planDependencyCopy(rootDir: string): DependencyPlacement[] {
  const placed = new Map<string, string>(); // output-relative target → source
  const placements: DependencyPlacement[] = [];
  const queue: { source: string; target: string }[] = [{ source: realpathSync(rootDir), target: '' }];
  while (queue.length > 0) {
    const pkg = queue.shift()!;
    const manifest = readManifest(pkg.source);
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
    const names = [...new Set([...Object.keys(manifest.dependencies ?? {}), ...optional])].sort();
    for (const name of names) {
      const source = resolvePackageDir(name, pkg.source);
      if (source === null) {
        if (optional.has(name)) continue;
        throw new InvalidInputError('DEPENDENCY_MISSING', `${manifest.name ?? pkg.source} needs ${name}, which is not installed.`, 'Reinstall cc-codex-collaborate (npm i -g cc-codex-collaborate, or npm ci in a checkout).', { package: manifest.name, dependency: name });
      }
      const visible = visibleFrom(pkg.target, name, placed);
      if (visible === source) continue; // already reachable as the same package
      const target = visible === undefined ? path.posix.join('node_modules', name) : path.posix.join(pkg.target, 'node_modules', name);
      if (placed.has(target)) continue;
      placed.set(target, source);
      placements.push({ name, version: readManifest(source).version ?? '0.0.0', source, target });
      queue.push({ source, target });
    }
  }
  return placements;
}

/** What `require(name)` from output-relative `target` would find among the placed packages (undefined: nothing). */
function visibleFrom(target: string, name: string, placed: Map<string, string>): string | undefined {
  let dir = target;
  for (;;) {
    const found = placed.get(path.posix.join(dir, 'node_modules', name));
    if (found !== undefined) return found;
    if (dir === '') return undefined;
    // Step out of `…/node_modules/<name>` (two segments, three for a scoped `@scope/name`).
    const parts = dir.split('/');
    const cut = parts.lastIndexOf('node_modules');
    dir = parts.slice(0, cut).join('/');
  }
}
