/**
 * Writing the plugin directory (issue #7): the generated layout (layout.ts) plus the runtime it runs — the
 * package's own `files` (dist, templates, README, package.json) and its production dependencies
 * (dependencies.ts) — so the directory works on its own after `claude plugin install`, with no `npm install`.
 *
 * The output directory must be new, empty, or an earlier build (recognised by {@link BUILD_MARKER_FILE}); an
 * earlier build is removed first. Anything else is refused: this never deletes a directory it did not write.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RefusedError } from '../errors.js';
import { planDependencyCopy } from './dependencies.js';
import { BIN_SCRIPTS, marketplaceManifest, PLUGIN_COMMANDS, PLUGIN_NAME, pluginCommandText, pluginHooks, pluginManifest } from './layout.js';

/** Written at the output root so a later build knows the directory is ours to replace. */
export const BUILD_MARKER_FILE = '.cccc-plugin-build.json';

/** What {@link buildPlugin} wrote. Paths are relative to `out` unless said otherwise. */
export interface PluginBuildResult {
  /** Absolute output directory. */
  out: string;
  name: string;
  version: string;
  /** Slash commands, e.g. `/cc-codex-collaborate:cccc`. */
  commands: string[];
  /** Hook events registered by `hooks/hooks.json`. */
  hooks: string[];
  /** Production dependencies copied (`name@version`). */
  dependencies: string[];
  /** Number of files and total bytes written. */
  files: number;
  bytes: number;
  /** True when an earlier build in `out` was replaced. */
  replaced: boolean;
}

interface PackageManifest {
  name: string;
  version: string;
  description?: string;
  license?: string;
  files?: string[];
}

/** Build the plugin from the installed package at `packageDir` into `out`. */
export function buildPlugin(packageDir: string, out: string, now: Date): PluginBuildResult {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
  const replaced = prepareOutput(out);
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), text);
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const info = { version: manifest.version, description: manifest.description ?? PLUGIN_NAME, license: manifest.license ?? 'UNLICENSED' };

  // The runtime: exactly the package's `files` (what npm ships), then package.json, then production dependencies.
  for (const entry of manifest.files ?? []) {
    const from = path.join(packageDir, entry);
    if (existsSync(from)) cpSync(from, path.join(out, entry), { recursive: true, dereference: true });
  }
  cpSync(path.join(packageDir, 'package.json'), path.join(out, 'package.json'));
  const dependencies = planDependencyCopy(packageDir);
  for (const dep of dependencies) {
    cpSync(dep.source, path.join(out, dep.target), { recursive: true, dereference: true, filter: (src) => !isNestedModules(dep.source, src) });
  }

  write('.claude-plugin/plugin.json', json(pluginManifest(info)));
  write('.claude-plugin/marketplace.json', json(marketplaceManifest(info)));
  for (const command of PLUGIN_COMMANDS) {
    write(path.join('commands', command.file), pluginCommandText(readFileSync(path.join(packageDir, 'commands-template', command.template), 'utf8'), manifest.version));
  }
  const hooks = pluginHooks(readFileSync(path.join(packageDir, 'hooks-template', 'hooks.json'), 'utf8'));
  write('hooks/hooks.json', json(hooks));
  for (const [rel, text] of Object.entries(BIN_SCRIPTS)) {
    write(rel, text);
    chmodSync(path.join(out, rel), 0o755);
  }
  write(BUILD_MARKER_FILE, json({ builtBy: 'cccc plugin build', name: PLUGIN_NAME, version: manifest.version, at: now.toISOString() }));

  const { files, bytes } = measure(out);
  return {
    out,
    name: PLUGIN_NAME,
    version: manifest.version,
    commands: PLUGIN_COMMANDS.map((c) => `/${PLUGIN_NAME}:${c.file.replace(/\.md$/, '')}`),
    hooks: Object.keys(hooks.hooks),
    dependencies: dependencies.map((d) => `${d.name}@${d.version}`),
    files,
    bytes,
    replaced,
  };
}

/** Create `out`, or empty it when it is an earlier build. Returns true when an earlier build was removed. */
function prepareOutput(out: string): boolean {
  if (!existsSync(out)) {
    mkdirSync(out, { recursive: true });
    return false;
  }
  if (!statSync(out).isDirectory()) throw refuse(out, 'is a file');
  const entries = readdirSync(out);
  if (entries.length === 0) return false;
  if (!entries.includes(BUILD_MARKER_FILE)) throw refuse(out, 'is not empty and is not an earlier `cccc plugin build` output');
  for (const entry of entries) rmSync(path.join(out, entry), { recursive: true, force: true });
  return true;
}

function refuse(out: string, why: string): RefusedError {
  return new RefusedError('PLUGIN_OUT_NOT_EMPTY', `${out} ${why}; the plugin build never writes into a directory it did not create.`, 'Choose a new directory with --out, or remove it first.', { out });
}

/** True for `node_modules` below a dependency's own directory (nested packages are placed separately). */
function isNestedModules(root: string, src: string): boolean {
  const rel = path.relative(root, src);
  return rel.split(path.sep).includes('node_modules');
}

function measure(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
