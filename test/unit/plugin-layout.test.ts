/**
 * The Claude Code plugin layout (issue #7): commands rewritten to the plugin's namespace from the same templates,
 * hooks from hooks-template in exec form through `${CLAUDE_PLUGIN_ROOT}` (deferring to a project's own cccc hook),
 * and the production-dependency copy plan (two versions of one package both kept; devDependencies never copied).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isCcccHandler } from '../../src/claude/settings.js';
import { planDependencyCopy } from '../../src/plugin/dependencies.js';
import { projectRegistersHook } from '../../src/plugin/hook-entry.js';
import { PLUGIN_COMMANDS, PLUGIN_HOOK_SCRIPT, pluginCommandText, pluginHooks, pluginManifest } from '../../src/plugin/layout.js';
import { inspectGeneratedFile } from '../../src/setup/markers.js';
import { packageRoot } from '../../src/workspace/package-root.js';
import { tempDir } from '../helpers/tmp.js';

const root = packageRoot();
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const frontMatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;

describe('plugin commands', () => {
  it.each(PLUGIN_COMMANDS.map((c) => [c.file, c.template]))('%s from %s: namespaced references, same front matter, intact marker', (_file, template) => {
    const source = read(path.join('commands-template', template));
    const text = pluginCommandText(source, '9.9.9');
    expect(text).not.toMatch(/\/cc-codex-collaborate(?![:\w-])/); // every /cc-codex-collaborate is namespaced
    expect(text).not.toMatch(/\/(cc-codex-collaborate|cccc)-loop-/);
    expect(frontMatter(text)).toEqual(frontMatter(source.replaceAll('{{version}}', '9.9.9')));
    expect(inspectGeneratedFile(text)).toMatchObject({ generated: true, intact: true, templateVersion: '9.9.9' });
  });

  it('points the router at the plugin commands', () => {
    const text = pluginCommandText(read('commands-template/cc-codex-collaborate.md'), '1.0.0');
    expect(text).toContain('/cc-codex-collaborate:cccc "<task>"');
    expect(text).toContain('/cc-codex-collaborate:loop-start');
  });
});

describe('plugin hooks', () => {
  it('registers the template hooks as node ${CLAUDE_PLUGIN_ROOT}/dist/src/plugin/hook-bin.js <name>, never mistaken for a project registration', () => {
    const { description, hooks } = pluginHooks(read('hooks-template/hooks.json'));
    expect(description).toMatch(/cccc/);
    expect(Object.keys(hooks).sort()).toEqual(['PreToolUse', 'Stop', 'StopFailure']);
    const handlers = Object.values(hooks).flatMap((groups) => groups.flatMap((g) => g.hooks));
    expect(handlers.map((h) => (h as { args: string[] }).args[1]).sort()).toEqual(['guard', 'stop', 'stop-failure']);
    for (const handler of handlers) {
      expect(handler).toMatchObject({ type: 'command', command: 'node', args: [PLUGIN_HOOK_SCRIPT, expect.any(String)], timeout: expect.any(Number) });
      expect(isCcccHandler(handler)).toBe(false); // `cccc loop start/stop` never touch them
    }
    expect(hooks.PreToolUse?.[0]?.matcher).toBe(JSON.parse(read('hooks-template/hooks.json')).hooks.PreToolUse[0].matcher);
  });

  it('names the plugin in kebab-case with the package version', () => {
    expect(pluginManifest({ version: '1.2.3', description: 'd', license: 'MIT' })).toMatchObject({ name: 'cc-codex-collaborate', version: '1.2.3', author: { name: expect.any(String) } });
  });
});

describe('planDependencyCopy', () => {
  function pkg(dir: string, name: string, version: string, deps: Record<string, string> = {}, optional: Record<string, string> = {}): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version, dependencies: deps, optionalDependencies: optional }));
  }

  it('keeps two versions of one package, skips a missing optional one and never copies what is not a dependency', () => {
    const app = tempDir('cccc-deps-');
    pkg(app, 'app', '1.0.0', { a: '1', b: '1', '@scope/s': '1' }, { gone: '1' });
    pkg(path.join(app, 'node_modules', 'a'), 'a', '1.0.0', { c: '1' });
    pkg(path.join(app, 'node_modules', 'b'), 'b', '1.0.0', { c: '2' });
    pkg(path.join(app, 'node_modules', 'b', 'node_modules', 'c'), 'c', '2.0.0');
    pkg(path.join(app, 'node_modules', 'c'), 'c', '1.0.0');
    pkg(path.join(app, 'node_modules', '@scope', 's'), '@scope/s', '3.0.0', { c: '1' });
    pkg(path.join(app, 'node_modules', 'dev-only'), 'dev-only', '1.0.0');
    const plan = planDependencyCopy(app).map((p) => [p.target, `${p.name}@${p.version}`]);
    expect(plan.sort()).toEqual(
      [
        ['node_modules/@scope/s', '@scope/s@3.0.0'],
        ['node_modules/a', 'a@1.0.0'],
        ['node_modules/b', 'b@1.0.0'],
        ['node_modules/b/node_modules/c', 'c@2.0.0'],
        ['node_modules/c', 'c@1.0.0'],
      ].sort(),
    );
  });

  it('nests a conflicting version even when the source tree had it hoisted elsewhere', () => {
    const app = tempDir('cccc-deps-');
    pkg(app, 'app', '1.0.0', { x: '1', y: '1' });
    pkg(path.join(app, 'node_modules', 'x'), 'x', '1.0.0');
    pkg(path.join(app, 'node_modules', 'y'), 'y', '1.0.0', { z: '1' });
    pkg(path.join(app, 'node_modules', 'z'), 'z', '1.0.0', { x: '2' });
    pkg(path.join(app, 'node_modules', 'z', 'node_modules', 'x'), 'x', '2.0.0');
    const plan = Object.fromEntries(planDependencyCopy(app).map((p) => [p.target, p.version]));
    expect(plan).toEqual({ 'node_modules/x': '1.0.0', 'node_modules/y': '1.0.0', 'node_modules/z': '1.0.0', 'node_modules/z/node_modules/x': '2.0.0' });
  });

  it('throws DEPENDENCY_MISSING for a required dependency that is not installed', () => {
    const app = tempDir('cccc-deps-');
    pkg(app, 'app', '1.0.0', { missing: '1' });
    expect(() => planDependencyCopy(app)).toThrow(expect.objectContaining({ code: 'DEPENDENCY_MISSING' }));
  });

  it("this package: every production dependency, none of the devDependencies", () => {
    const names = new Set(planDependencyCopy(root).map((p) => p.name));
    const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies)) expect(names.has(dep), dep).toBe(true);
    for (const dev of Object.keys(manifest.devDependencies)) expect(names.has(dev), dev).toBe(false);
  });
});

describe('plugin hook deferral', () => {
  const settings = (root: string, file: string, value: unknown) => {
    mkdirSync(path.join(root, '.claude'), { recursive: true });
    writeFileSync(path.join(root, '.claude', file), typeof value === 'string' ? value : JSON.stringify(value));
  };
  const registration = (name: string, entry = '/opt/cccc/dist/src/bin.js') => ({ hooks: { Stop: [{ hooks: [{ type: 'command', command: '/usr/bin/node', args: [entry, 'hook', name] }] }] } });

  it.each([
    { name: 'no settings', files: {}, hook: 'stop', defers: false },
    { name: 'cccc stop in settings.json', files: { 'settings.json': registration('stop') }, hook: 'stop', defers: true },
    { name: 'cccc stop in settings.local.json (Windows path)', files: { 'settings.local.json': registration('stop', 'C:\\cccc\\dist\\src\\bin.js') }, hook: 'stop', defers: true },
    { name: 'only another hook name registered', files: { 'settings.json': registration('guard') }, hook: 'stop', defers: false },
    { name: 'another tool that happens to say hook stop', files: { 'settings.json': registration('stop', '/opt/other/cli.js') }, hook: 'stop', defers: false },
    { name: 'settings that do not parse', files: { 'settings.json': '{ "hooks": ' }, hook: 'stop', defers: false },
  ])('$name → defers: $defers', ({ files, hook, defers }) => {
    const root = tempDir('cccc-plugin-defer-');
    for (const [file, value] of Object.entries(files)) settings(root, file, value);
    expect(projectRegistersHook(root, hook)).toBe(defers);
  });
});
