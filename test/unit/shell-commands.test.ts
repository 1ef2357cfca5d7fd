import { describe, expect, it } from 'vitest';
import { simpleCommands, type SimpleCommand } from '../../src/hooks/shell-commands.js';
import { HEREDOC_WORD_PREFIX, prepareScript } from '../../src/hooks/shell-script.js';

const CTX = { cwd: '/repo', homeDir: '/home/dev' };

function commands(script: string): SimpleCommand[] {
  const analysis = simpleCommands(script, CTX);
  if (!analysis.ok) throw new Error('too deep');
  return analysis.commands;
}

const summary = (script: string): string[] =>
  commands(script).map((c) => [c.name, ...c.args.map((a) => a.text)].join(' ') + (c.cwd === '/repo' ? '' : ` @${c.cwd}`));

describe('prepareScript', () => {
  it.each([
    ['newlines become separators', 'a\nb', 'a;b'],
    ['no separator after a pipe', 'a |\nb', 'a | b'],
    ['quoted newlines stay', 'echo "a\nb"', 'echo "a\nb"'],
    ['comments are dropped', "ls # it's\nrm x", 'ls ;rm x'],
    ['mid-word # is escaped', 'echo a#b', 'echo a\\#b'],
    ['line continuations join', 'npm run \\\nbuild', 'npm run build'],
  ])('%s', (_label, raw, text) => {
    expect(prepareScript(raw).text).toBe(text);
  });

  it('lifts terminated here-document bodies out', () => {
    const p = prepareScript("cat <<'EOF' > f\nrm -rf /\nEOF\necho ok");
    expect(p.heredocs).toEqual(['rm -rf /']);
    expect(p.text).toBe(`cat << ${HEREDOC_WORD_PREFIX}0  > f;echo ok`);
  });

  it('strips leading tabs for <<-', () => {
    expect(prepareScript('cat <<-END\n\tx\n\tEND\n').heredocs).toEqual(['\tx']);
  });

  it('leaves an unterminated here-document in place', () => {
    const p = prepareScript('echo $((1<<2))\nrm -rf /');
    expect(p.heredocs).toEqual([undefined]);
    expect(p.text).toContain('rm -rf /');
  });
});

describe('simpleCommands', () => {
  it.each([
    ['operators split commands', 'a && b || c; d & e', ['a', 'b', 'c', 'd', 'e']],
    ['sudo with options', 'sudo -u root -E rm -rf /x', ['rm -rf /x']],
    ['env with assignments', 'env -i A=1 B=2 npm test', ['npm test']],
    ['leading assignments', 'A=1 B=2 make', ['make']],
    ['timeout, nice, nohup', 'timeout 5 nice -n 10 nohup node x.js', ['node x.js']],
    ['command -v is not a run', 'command -v rm', ['']],
    ['bash -c recursion', 'bash -lc "cd /tmp && rm -rf x"', ['cd /tmp', 'rm -rf x @/tmp']],
    ['subshell keeps cd inside', '(cd /tmp; ls) && ls', ['cd /tmp', 'ls @/tmp', 'ls']],
    ['cd carries across &&', 'cd src && ls', ['cd src', 'ls @/repo/src']],
    ['cd - makes cwd unknown', 'cd - && ls', ['cd -', 'ls @null']],
    ['bare cd goes home', 'cd; ls', ['cd', 'ls @/home/dev']],
    ['env -C changes dir', 'env -C /opt ls', ['ls @/opt']],
    ['command substitution', 'echo $(whoami)', ['whoami', 'echo $(…)']],
    ['substitution in quotes', 'echo "x $(id -u)"', ['id -u', 'echo x $(id -u)']],
    ['xargs runs its command', 'ls | xargs -I{} cp {} /tmp', ['ls', 'cp /tmp']],
    ['find -exec', 'find . -name x -exec rm -f {} \\;', ['rm -f', 'find . -name x -exec rm -f {} ;']],
    ['eval', 'eval "rm -rf x"', ['rm -rf x']],
    ['watch', 'watch -n 1 "df -h"', ['df -h']],
    ['fd numbers before redirects are not args', 'make 2>&1', ['make']],
  ])('%s', (_label, script, expected) => {
    expect(summary(script)).toEqual(expected);
  });

  it('links pipeline stages and here-document stdin', () => {
    const [producer, consumer] = commands('echo / | xargs rm -rf');
    expect(consumer?.via).toBe('xargs');
    expect(consumer?.stdinFrom).toBe(producer);
    expect(commands('psql <<EOF\nDROP TABLE t;\nEOF')[0]?.stdinText).toBe('DROP TABLE t;');
    expect(commands('redis-cli <<< FLUSHALL')[0]?.stdinText).toBe('FLUSHALL');
  });

  it('records redirections with their targets', () => {
    expect(commands('echo x > out.txt 2>/dev/null')[0]?.redirects).toEqual([
      { op: '>', target: 'out.txt' },
      { op: '>', target: '/dev/null' },
    ]);
  });

  it('reports nesting past the limit instead of recursing forever', () => {
    let script = 'true';
    for (let i = 0; i < 20; i++) script = `sh -c ${JSON.stringify(script)}`;
    expect(simpleCommands(script, CTX)).toEqual({ ok: false, tooDeep: true });
  });
});
