import { describe, expect, it } from 'vitest';
import { quote } from 'shell-quote';
import { decideGuard, guardHookOutput, type GuardFacts, type GuardPayload, type GuardRule } from '../../src/hooks/guard.js';

const REPO = '/repo';
const HOME = '/home/dev';
const FACTS: GuardFacts = { repoRoot: REPO, homeDir: HOME, tempDir: '/tmp', safety: {}, treeDirty: false };

const bash = (command: string, cwd: string | null = REPO): GuardPayload => ({ toolName: 'Bash', toolInput: { command }, cwd });
const tool = (toolName: string, key: string, value: string): GuardPayload => ({ toolName, toolInput: { [key]: value }, cwd: REPO });

/** `sh -c 'sh -c …true…'`, `depth` levels deep, quoted properly. */
function nestedShells(depth: number): string {
  let script = 'true';
  for (let i = 0; i < depth; i++) script = quote(['sh', '-c', script]);
  return script;
}

type Row = [label: string, payload: GuardPayload, facts?: Partial<GuardFacts>];

// issue #4 §3: everyday commands must pass.
const MUST_ALLOW: Row[] = [
  ['cat product.md', bash('cat product.md')],
  ['npm test', bash('npm test')],
  ['git push', bash('git push')],
  ['rm -rf node_modules', bash('rm -rf node_modules')],
  ['grep token src/', bash('grep token src/')],
  ['cat .env.example', bash('cat .env.example')],
  ['git status', bash('git status')],
  ['rm -rf dist build', bash('rm -rf dist build')],
  ['git reset --hard on a clean tree', bash('git reset --hard'), { treeDirty: false }],
  ['git push origin main', bash('git push origin main')],
  ['git push -u origin feature/x', bash('git push -u origin feature/x')],
  ['ls -la .env', bash('ls -la .env')],
  ['echo .env >> .gitignore', bash('echo ".env" >> .gitignore')],
  ['grep -n .env .gitignore', bash('grep -n .env .gitignore')],
  ['npm run build && npm test', bash('npm run build && npm test')],
  ['rm -rf ./coverage', bash('rm -rf ./coverage')],
  ['find -name -delete inside repo', bash("find . -name '*.tmp' -delete")],
  ['find -exec rm inside repo', bash('find . -name node_modules -type d -prune -exec rm -rf {} +')],
  ['git clean dry run', bash('git clean -n -d')],
  ['commit message mentioning rm -rf', bash('git commit -m "docs: warn about rm -rf /"')],
  ['pipe to head', bash('cat README.md | head -20')],
  ['cd then delete inside repo', bash('cd src && rm -rf generated')],
  ['delete inside temp dir', bash('rm -rf /tmp/cccc-test-123')],
  ['cd to temp then delete', bash('cd /tmp && rm -rf build')],
  ['npm publish --dry-run', bash('npm publish --dry-run')],
  ['terraform plan', bash('terraform plan')],
  ['kubectl get pods', bash('kubectl get pods -n prod')],
  ['docker build', bash('docker build -t app .')],
  ['git log', bash('git log --oneline -5')],
  ['copy to a template name', bash('cp .env.example .env.sample')],
  ['sed -i on source', bash("sed -i 's/a/b/' src/index.ts")],
  ['Read source file', tool('Read', 'file_path', '/repo/src/index.ts')],
  ['Write README', tool('Write', 'file_path', '/repo/README.md')],
  ['Edit .env.example', tool('Edit', 'file_path', '/repo/.env.example')],
  ['Read state.json', tool('Read', 'file_path', '/repo/docs/cccc/state.json')],
  ['bash -c with safe commands', bash('bash -c "npm test && npm run lint"')],
  ['sudo apt-get', bash('sudo apt-get install -y jq')],
  ['env prefix', bash('env NODE_ENV=test npm test')],
  ['echo $HOME', bash('echo $HOME')],
  ['git diff', bash('git diff HEAD~1')],
  ['ls ~/.ssh', bash('ls ~/.ssh')],
  ['public key', bash('cat ~/.ssh/id_rsa.pub')],
  ['git checkout -b', bash('git checkout -b feature')],
  ['psql select', bash("psql -c 'SELECT 1'")],
  ['redis get', bash('redis-cli get key')],
  ['heredoc body is data', bash("cat <<'EOF' > notes.md\nrm -rf / is dangerous\ncat .env\nEOF\necho done")],
  ['git rm --cached .env', bash('git rm --cached .env')],
  ['pytest', bash('python -m pytest tests/')],
  ['plain rm inside', bash('rm -f src/old.ts')],
  ['xargs rm with unknown producer', bash('git ls-files -z | xargs -0 rm -f')],
  ['find | xargs rm inside', bash("find src -name '*.orig' | xargs rm -f")],
  ['NotebookEdit', tool('NotebookEdit', 'notebook_path', '/repo/nb.ipynb')],
  ['other tool', { toolName: 'Glob', toolInput: { pattern: '**/.env' }, cwd: REPO }],
  ['missing command', { toolName: 'Bash', toolInput: {}, cwd: REPO }],
  ['multi-line script', bash('npm ci\nnpm run build\nnpm test')],
  ['comment with quote', bash("npm test # don't forget")],
  ['line continuation', bash('npm run \\\n  build')],
  ['delete with var under a repo dir', bash('rm -rf dist/$NAME')],
  ['chmod key file', bash('chmod 600 ~/.ssh/id_rsa')],
  ['gh pr create', bash('gh pr create --fill')],
  ['quoted $(pwd) inside the repo', bash('rm -rf "$(pwd)/dist"')],
  ['kubectl apply dry-run', bash('kubectl apply --dry-run=client -f k8s/')],
];

// issue #4 §3: what the safety config forbids must be denied, with the right rule.
const MUST_DENY: [label: string, payload: GuardPayload, rule: GuardRule, facts?: Partial<GuardFacts>][] = [
  ['rm -rf /', bash('rm -rf /'), 'recursive-delete'],
  ['rm -fr ~', bash('rm -fr ~'), 'recursive-delete'],
  ['rm -rf ..', bash('rm -rf ..'), 'recursive-delete'],
  ['git push -f', bash('git push -f'), 'force-push'],
  ['git push --force origin main', bash('git push --force origin main'), 'force-push'],
  ['git push origin +main', bash('git push origin +main'), 'force-push'],
  ['bash -c "rm -rf /"', bash('bash -c "rm -rf /"'), 'recursive-delete'],
  ['sudo rm -rf /var', bash('sudo rm -rf /var'), 'recursive-delete'],
  ['cat .env', bash('cat .env'), 'secret-file'],
  ['Read /repo/.env', tool('Read', 'file_path', '/repo/.env'), 'secret-file'],
  ['Write ~/.ssh/id_rsa', tool('Write', 'file_path', '/home/dev/.ssh/id_rsa'), 'private-key'],
  ['npm publish', bash('npm publish'), 'deploy-publish'],
  ['terraform destroy', bash('terraform destroy'), 'deploy-publish'],
  ["psql -c 'DROP DATABASE prod'", bash("psql -c 'DROP DATABASE prod'"), 'drop-database'],
  ['rm -r -f /etc', bash('rm -r -f /etc'), 'recursive-delete'],
  ['rm --recursive --force ~/projects', bash('rm --recursive --force ~/projects'), 'recursive-delete'],
  ['rm -rf . at the root', bash('rm -rf .'), 'recursive-delete'],
  ['rm -rf .git', bash('rm -rf .git'), 'recursive-delete'],
  ['rm -rf $HOME', bash('rm -rf $HOME'), 'recursive-delete'],
  ['rm -rf "$HOME/"', bash('rm -rf "$HOME/"'), 'recursive-delete'],
  ['rm -rf /*', bash('rm -rf /*'), 'recursive-delete'],
  ['newline separates commands', bash('echo hi\nrm -rf /'), 'recursive-delete'],
  ['comment then command', bash("ls # it's fine\nrm -rf ~"), 'recursive-delete'],
  ['subshell cd /', bash('true && (cd / && rm -rf usr)'), 'recursive-delete'],
  ['command substitution', bash('echo $(rm -rf ~)'), 'recursive-delete'],
  ['substitution in double quotes', bash('echo "$(rm -rf ~)"'), 'recursive-delete'],
  ['git push --force-with-lease', bash('git push --force-with-lease'), 'force-push'],
  ['git push origin :main', bash('git push origin :main'), 'force-push'],
  ['git filter-branch', bash('git filter-branch --tree-filter x HEAD'), 'history-rewrite'],
  ['git reflog expire', bash('git reflog expire --expire=now --all'), 'history-rewrite'],
  ['git reset --hard on a dirty tree', bash('git reset --hard HEAD~1'), 'discard-changes', { treeDirty: true }],
  ['git reset --hard, dirtiness unknown', bash('git reset --hard'), 'discard-changes', { treeDirty: null }],
  ['git clean -fdx', bash('git clean -fdx'), 'discard-changes'],
  ['git clean -fd on a dirty tree', bash('git clean -fd'), 'discard-changes', { treeDirty: true }],
  ['dropdb', bash('dropdb prod'), 'drop-database'],
  ['mysql drop database', bash('mysql -u root -e "drop database prod"'), 'drop-database'],
  ['redis-cli FLUSHALL', bash('redis-cli FLUSHALL'), 'drop-database'],
  ['SQL piped to psql', bash('echo "DROP DATABASE x;" | psql'), 'drop-database'],
  ['SQL here-document', bash('psql <<EOF\nDROP TABLE users;\nEOF'), 'drop-database'],
  ['source .env', bash('source .env'), 'secret-file'],
  ['cp .env.example .env', bash('cp .env.example .env'), 'secret-file'],
  ['aws credentials', bash('cat ~/.aws/credentials'), 'secret-file'],
  ['Edit a pem', tool('Edit', 'file_path', '/repo/config/prod.pem'), 'private-key'],
  ['docker push', bash('docker push org/app:latest'), 'deploy-publish'],
  ['kubectl delete', bash('kubectl delete deployment api'), 'deploy-publish'],
  ['helm upgrade', bash('helm upgrade api ./chart'), 'deploy-publish'],
  ['vercel --prod', bash('vercel --prod'), 'deploy-publish'],
  ['fly deploy', bash('fly deploy'), 'deploy-publish'],
  ['gcloud app deploy', bash('gcloud app deploy'), 'deploy-publish'],
  ['aws delete-bucket', bash('aws s3api delete-bucket --bucket x'), 'deploy-publish'],
  ['find / -delete', bash("find / -name '*.log' -delete"), 'recursive-delete'],
  ['find ~ -exec rm', bash('find ~ -exec rm -rf {} +'), 'recursive-delete'],
  ['env wrapper', bash('env FOO=1 rm -rf /'), 'recursive-delete'],
  ['nested shells', bash(`sh -c 'bash -c "rm -rf /"'`), 'recursive-delete'],
  ['echo / | xargs rm -rf', bash('echo / | xargs rm -rf'), 'recursive-delete'],
  ['Write state.json', tool('Write', 'file_path', '/repo/docs/cccc/state.json'), 'cccc-state'],
  ['redirect into state.json', bash("echo '{}' > docs/cccc/state.json"), 'cccc-state'],
  ['Edit loop counters', tool('Edit', 'file_path', '/repo/docs/cccc/runtime/loop/abc.json'), 'cccc-state'],
  ['cat .env.local', bash('cat .env.local'), 'secret-file'],
  ['Read ~/.npmrc', tool('Read', 'file_path', '/home/dev/.npmrc'), 'secret-file'],
  ['git push heroku', bash('git push heroku main'), 'deploy-publish'],
  ['backtick substitution target', bash('rm -rf `echo /`'), 'recursive-delete'],
  ['timeout wrapper', bash('timeout 10 rm -rf /'), 'recursive-delete'],
  ['npx rimraf', bash('npx rimraf /'), 'recursive-delete'],
  ['glob of dotfiles in home', bash('rm -rf ~/.*'), 'recursive-delete'],
  ['ssh key by name', bash('cat id_ed25519'), 'private-key'],
  ['cast send', bash('cast send 0xabc "transfer(address,uint256)" 0xdef 1'), 'real-money'],
  ['export $(cat .env)', bash('export $(cat .env | xargs)'), 'secret-file'],
  ['git -C push -f', bash('git -C /repo push -f'), 'force-push'],
  ['yarn npm publish', bash('yarn npm publish'), 'deploy-publish'],
  ['cargo publish', bash('cargo publish'), 'deploy-publish'],
  ['pnpm --filter publish', bash('pnpm --filter web publish'), 'deploy-publish'],
  ['xargs sh -c with rm of an argument', bash(`find . -name x | xargs sh -c 'rm -rf "$1"' _`), 'recursive-delete'],
  ['unknown variable target', bash('rm -rf "$UNKNOWN"'), 'recursive-delete'],
  ['the temp dir itself', bash('rm -rf /tmp'), 'recursive-delete'],
  ['redirect without spaces', bash('echo x>.env'), 'secret-file'],
  ['shell fed a here-document', bash('bash <<EOF\nrm -rf /\nEOF'), 'recursive-delete'],
  ['mid-word # is not a comment', bash('echo a#b; rm -rf /'), 'recursive-delete'],
  ['scp a key', bash('scp host:~/.ssh/id_rsa .'), 'private-key'],
  ['pipe then newline', bash('echo x |\nsudo rm -rf /'), 'recursive-delete'],
  ['eval', bash('eval "rm -rf /"'), 'recursive-delete'],
  ['absolute rm path', bash('/bin/rm -rf /'), 'recursive-delete'],
  ['Read a keystore', tool('Read', 'file_path', '/repo/keystore/UTC--2024--abc'), 'private-key'],
  ['rm -rf outside via cd ..', bash('cd .. && rm -rf repo'), 'recursive-delete'],
  ['cat a glob of env files', bash('cat .env*'), 'secret-file'],
  ['nesting too deep', bash(nestedShells(12)), 'unparseable'],
];

describe('guard: must-allow corpus (issue #4 §3)', () => {
  it('has at least 30 rows', () => expect(MUST_ALLOW.length).toBeGreaterThanOrEqual(30));
  it.each(MUST_ALLOW)('allows %s', (_label, payload, facts) => {
    expect(decideGuard(payload, { ...FACTS, ...facts })).toEqual({ decision: 'allow' });
  });
});

describe('guard: must-deny corpus (issue #4 §3)', () => {
  it('has at least 30 rows', () => expect(MUST_DENY.length).toBeGreaterThanOrEqual(30));
  it.each(MUST_DENY)('denies %s', (_label, payload, rule, facts) => {
    const decision = decideGuard(payload, { ...FACTS, ...facts });
    expect(decision).toMatchObject({ decision: 'deny', rule });
    if (decision.decision === 'deny') expect(decision.reason.length).toBeLessThan(10_000);
  });
});

describe('guard: safety flags', () => {
  const off = (flag: string): GuardFacts => ({ ...FACTS, safety: { [flag]: false } });

  it.each([
    ['pause_on_destructive_commands', 'rm -rf /'],
    ['pause_on_destructive_commands', 'git push -f'],
    ['pause_on_real_secrets', 'cat .env'],
    ['pause_on_wallet_private_keys', 'cat ~/.ssh/id_rsa'],
    ['pause_on_production_access', 'npm publish'],
    ['pause_on_real_money', 'solana transfer abc 1'],
  ])('%s off allows %s', (flag, command) => {
    expect(decideGuard(bash(command), FACTS).decision).toBe('deny');
    expect(decideGuard(bash(command), off(flag))).toEqual({ decision: 'allow' });
  });

  it('keeps other rules on when one flag is off', () => {
    expect(decideGuard(bash('cat ~/.ssh/id_rsa'), off('pause_on_real_secrets'))).toMatchObject({ rule: 'private-key' });
  });

  it('treats a null safety object as all on', () => {
    expect(decideGuard(bash('npm publish'), { ...FACTS, safety: null })).toMatchObject({ decision: 'deny' });
  });

  it('never turns off the cccc-state rule', () => {
    const allOff = { ...FACTS, safety: { pause_on_real_secrets: false, pause_on_wallet_private_keys: false, pause_on_production_access: false, pause_on_real_money: false, pause_on_destructive_commands: false } };
    expect(decideGuard(tool('Write', 'file_path', '/repo/docs/cccc/state.json'), allOff)).toMatchObject({ rule: 'cccc-state' });
  });

  it('denies a later command when an earlier one is allowed', () => {
    expect(decideGuard(bash('npm test && git push --force'), FACTS)).toMatchObject({ rule: 'force-push' });
  });

  it('resolves relative paths against the payload cwd', () => {
    expect(decideGuard(bash('rm -rf build', '/elsewhere'), FACTS)).toMatchObject({ rule: 'recursive-delete' });
    expect(decideGuard(bash('rm -rf build', null), FACTS)).toEqual({ decision: 'allow' });
  });

  it('treats a temp dir of null as no exception', () => {
    expect(decideGuard(bash('rm -rf /tmp/x'), { ...FACTS, tempDir: null })).toMatchObject({ rule: 'recursive-delete' });
  });

  it('handles Windows tool paths', () => {
    expect(decideGuard(tool('Read', 'file_path', 'C:\\repo\\.env'), FACTS)).toMatchObject({ rule: 'secret-file' });
  });
});

describe('guardHookOutput (external-interfaces B4)', () => {
  it('prints nothing for allow', () => expect(guardHookOutput({ decision: 'allow' })).toBeNull());
  it('renders a PreToolUse deny', () => {
    expect(guardHookOutput({ decision: 'deny', rule: 'secret-file', reason: 'R' })).toEqual({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'R' },
    });
  });
  it('tells Claude what to do instead', () => {
    const d = decideGuard(bash('cat .env'), FACTS);
    expect(d.decision === 'deny' && d.reason).toMatch(/safety\.pause_on_real_secrets.*stop and tell the user/s);
  });
});
