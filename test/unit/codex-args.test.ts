import { describe, expect, it } from 'vitest';
import { checkExtraArgs, codexExecArgs } from '../../src/codex/args.js';
import { codexCommand } from '../../src/codex/command.js';
import { InvalidInputError } from '../../src/errors.js';

describe('codexExecArgs', () => {
  it('builds exactly the issue #3 §1 command line, extra args before the stdin dash', () => {
    expect(codexExecArgs({ root: '/r', schemaFile: '/s.json', outputFile: '/o.json', extraArgs: ['-m', 'gpt-5.5', '-c', 'model_reasoning_effort="high"'] })).toEqual([
      'exec', '--cd', '/r', '--sandbox', 'read-only', '--skip-git-repo-check', '--json',
      '--output-schema', '/s.json', '--output-last-message', '/o.json', '-m', 'gpt-5.5', '-c', 'model_reasoning_effort="high"', '-',
    ]);
  });

  it.each([
    [['--sandbox', 'workspace-write']],
    [['--sandbox=danger-full-access']],
    [['-s', 'danger-full-access']],
    [['--full-auto']],
    [['--dangerously-bypass-approvals-and-sandbox']],
    [['--yolo']],
    [['-o', '/elsewhere']],
    [['--output-schema', 'x.json']],
    [['-C', '/tmp']],
    [['-c', 'sandbox_mode="danger-full-access"']],
    [['--config=approval_policy="on-request"']],
    [['-']],
    [['review this please']],
  ])('refuses extra args %j', (extra) => {
    expect(() => checkExtraArgs(extra)).toThrow(InvalidInputError);
    expect(() => checkExtraArgs(extra)).toThrow(/codex\.extra_args\[\d\]/);
  });

  it.each([[[]], [['-m', 'o4']], [['-c', 'model_reasoning_effort=high', '--ephemeral']], [['--profile', 'review']]])('accepts %j', (extra) => {
    expect(() => checkExtraArgs(extra)).not.toThrow();
  });
});

describe('codexCommand', () => {
  it.each([
    ['codex', { file: 'codex', args: [] }],
    ['C:\\tools\\codex.exe', { file: 'C:\\tools\\codex.exe', args: [] }],
    ['node /opt/codex/bin/codex.js', { file: 'node', args: ['/opt/codex/bin/codex.js'] }],
    ['"/opt/My Tools/codex"', { file: '/opt/My Tools/codex', args: [] }],
    ['$HOME/bin/codex --flag', { file: '$HOME/bin/codex', args: ['--flag'] }],
  ])('%s', (cli, expected) => {
    expect(codexCommand(cli)).toEqual(expected);
  });

  it.each(['', '   ', 'codex | tee log', 'codex; rm -rf /'])('refuses %j', (cli) => {
    expect(() => codexCommand(cli)).toThrow(/codex\.cli_command/);
  });
});
