/**
 * Where the installed `cc-codex-collaborate` package lives, so setup finds `docs-template/` and
 * `commands-template/` (and hooks find `hooks-template/`) wherever npm put it.
 *
 * The compiled file is `dist/src/workspace/package-root.js` (package root three levels up); vitest runs the TS
 * source `src/workspace/package-root.ts` (two levels up). Rather than hard-coding either depth, walk up from this
 * module until a `package.json` whose `name` is {@link PACKAGE_NAME}.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The npm package name (package.json `name`). */
export const PACKAGE_NAME = 'cc-codex-collaborate';

interface PackageInfo {
  root: string;
  version: string;
}

let cached: PackageInfo | null = null;

function readPackageJson(dir: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}

function locate(): PackageInfo {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = readPackageJson(dir);
    if (pkg?.name === PACKAGE_NAME) return { root: dir, version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
    const parent = path.dirname(dir);
    // Reaching the file-system root means the package is broken (files moved by hand): a bug, not user input.
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Absolute path of the package root (the directory holding its package.json). Throws when it cannot be found. */
export function packageRoot(): string {
  cached ??= locate();
  return cached.root;
}

/** The package version (package.json `version`), e.g. `0.1.0`; stamped into generated files. */
export function packageVersion(): string {
  cached ??= locate();
  return cached.version;
}
