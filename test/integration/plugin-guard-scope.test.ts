/**
 * The plugin's PreToolUse guard runs in every project where the plugin is enabled, so it must act only in
 * repositories set up with cccc: elsewhere it prints nothing (allow), in a cccc workspace it denies as usual.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace } from '../helpers/tmp.js';

const HOOK_BIN = path.resolve('dist/src/plugin/hook-bin.js');

function guard(projectDir: string): string {
  const payload = { session_id: 's1', cwd: projectDir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'rm -rf /' } };
  const run = spawnSync(process.execPath, [HOOK_BIN, 'guard'], {
    input: JSON.stringify(payload),
    env: { ...process.env, CLAUDE_PROJECT_DIR: projectDir },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('plugin guard scope', () => {
  it('prints nothing in a repository without cccc', () => {
    expect(guard(tempDir())).toBe('');
  });

  it('denies `rm -rf /` in a cccc workspace', () => {
    const out = JSON.parse(guard(tempWorkspace().root)) as { hookSpecificOutput: { permissionDecision: string } };
    expect(out.hookSpecificOutput.permissionDecision).toBe('deny');
  });
});
