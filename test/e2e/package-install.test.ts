/**
 * Issue #7 "Packaging": `npm pack` of this checkout (dist must be built: `npm test` builds first), installed
 * from the tarball alone into a temp prefix the way users install it (`npm i -g`, so production dependencies only —
 * never the devDependencies such as the 245 MB Claude Code binary), then run from OUTSIDE the repository:
 * `--version`, `setup --yes`, `doctor` (with the fake codex on PATH, so every check can pass), `loop start`
 * (hooks point at the installed files), `demo` (the simulated reviewer ships) and `plugin build` (the global
 * layout's dependencies are found). Any runtime file that exists in the checkout but not in the package fails here.
 *
 * Dependencies come from the npm cache when it has them (`--prefer-offline`; `npm ci` fills it), else from the
 * npm registry.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUserRepo, REPO_ROOT } from '../helpers/cli.js';
import { FAKE_CODEX_DIR } from '../helpers/fake-codex.js';
import { tempDir } from '../helpers/tmp.js';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; files: string[]; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Where packed files may live: the `files` entries (dirs get a trailing slash) plus what npm always adds. */
// A `files` entry is a file (README.md, LICENSE) or a directory (dist/src): directories match by prefix.
const ALLOWED = ['package.json', ...manifest.files.map((f) => (existsSync(path.join(REPO_ROOT, f)) && statSync(path.join(REPO_ROOT, f)).isFile() ? f : `${f}/`))];

describe('the packed tarball, installed into a temp prefix', () => {
  let work: string;
  let packed: string[];
  let prefix: string;
  let cccc: (args: string[], cwd: string) => Promise<{ exitCode: number; stdout: string; stderr: string }>;

  // Not tempDir(): the installation is shared by this block's tests.
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'cccc-package-'));
    const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const pack = await execa('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO_ROOT, env: npmEnv });
    const [info] = JSON.parse(String(pack.stdout)) as { filename: string; files: { path: string }[] }[];
    packed = info!.files.map((f) => f.path);
    prefix = path.join(work, 'prefix');
    await execa('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', path.join(work, info!.filename)], { cwd: work, env: npmEnv });
    // PATH: the fake codex (so doctor's Codex check can pass) before the system; NOT this repository's node_modules/.bin.
    const env = { ...process.env, PATH: [FAKE_CODEX_DIR, path.join(prefix, 'bin'), process.env.PATH ?? ''].join(path.delimiter), NODE_PATH: '' };
    cccc = async (args, cwd) => {
      const run = await execa(path.join(prefix, 'bin', 'cccc'), args, { cwd, env, reject: false, stdin: 'ignore' });
      return { exitCode: run.exitCode ?? -1, stdout: String(run.stdout), stderr: String(run.stderr) };
    };
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds exactly what runs: dist, templates, README and package.json', () => {
    for (const file of packed) expect(ALLOWED.some((a) => file === a || (a.endsWith('/') && file.startsWith(a))), file).toBe(true);
    for (const file of ['dist/src/bin.js', 'dist/src/demo/simulated-codex.js', 'dist/machines/workflow.js', 'hooks-template/hooks.json', 'README.md']) expect(packed).toContain(file);
    for (const dir of ['docs-template', 'commands-template', 'hooks-template']) {
      for (const name of readdirSync(path.join(REPO_ROOT, dir))) expect(packed).toContain(`${dir}/${name}`);
    }
    expect(packed.filter((f) => /(^|\/)(test|bench)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  it('installs production dependencies only', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'cc-codex-collaborate');
    const modules = existsSync(path.join(installed, 'node_modules')) ? path.join(installed, 'node_modules') : path.join(prefix, 'lib', 'node_modules');
    const names = readdirSync(modules).flatMap((n) => (n.startsWith('@') ? readdirSync(path.join(modules, n)).map((m) => `${n}/${m}`) : [n]));
    for (const dep of Object.keys(manifest.dependencies)) expect(names, dep).toContain(dep);
    for (const dev of Object.keys(manifest.devDependencies)) expect(names, dev).not.toContain(dev);
  });

  it('runs from outside the repository: --version, setup, doctor, loop start', async () => {
    const repo = newUserRepo();
    expect((await cccc(['--version'], repo)).stdout.trim()).toBe(manifest.version);
    const setup = await cccc(['setup', '--yes', '--json'], repo);
    expect(setup.exitCode, setup.stderr).toBe(0);
    expect(readdirSync(path.join(repo, '.claude', 'commands')).filter((f) => f.endsWith('.md'))).toHaveLength(8);
    expect(readdirSync(path.join(repo, 'docs', 'cccc'))).toEqual(expect.arrayContaining(['config.json', 'state.json', 'milestones.yaml', 'project-map.md']));

    const doctor = await cccc(['doctor', '--json'], repo);
    expect(doctor.exitCode, `${doctor.stdout}\n${doctor.stderr}`).toBe(0);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true, summary: { fail: 0 } });

    const loop = await cccc(['loop', 'start', '--json'], repo);
    expect(loop.exitCode, loop.stderr).toBe(0);
    const settings = JSON.parse(readFileSync(path.join(repo, '.claude', 'settings.json'), 'utf8'));
    const entry = settings.hooks.Stop[0].hooks[0].args[0] as string;
    expect(entry.startsWith(prefix)).toBe(true);
    expect(existsSync(entry)).toBe(true);
    expect((await cccc(['doctor', '--json'], repo)).exitCode).toBe(0);
  });

  it('runs the demo (the simulated reviewer ships) and builds the plugin from the installed package', async () => {
    const dir = tempDir('cccc-package-run-');
    const demo = await cccc(['demo', '--dir', path.join(dir, 'demo'), '--json'], dir);
    expect(demo.exitCode, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ simulation: true, status: 'DONE', verify: { ok: true } });

    const plugin = await cccc(['plugin', 'build', '--out', path.join(dir, 'plugin'), '--json'], dir);
    expect(plugin.exitCode, plugin.stderr).toBe(0);
    expect(JSON.parse(plugin.stdout).dependencies.map((d: string) => d.replace(/@[^@]+$/, ''))).toEqual(expect.arrayContaining(Object.keys(manifest.dependencies)));
    const version = await execa(process.execPath, [path.join(dir, 'plugin', 'dist', 'src', 'bin.js'), '--version'], { cwd: dir });
    expect(String(version.stdout).trim()).toBe(manifest.version);
  });
});
