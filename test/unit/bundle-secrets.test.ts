import { describe, expect, it } from 'vitest';
import { isExcludedFromBundle, isSecretPath } from '../../src/bundle/index.js';

describe('isSecretPath', () => {
  it.each([
    ['.env', true],
    ['app/.env', true],
    ['.env.local', true],
    ['.env.production', true],
    ['.ENV.Production', true],
    ['.env.example', false],
    ['.env.sample', false],
    ['config/.env.template', false],
    ['server.pem', true],
    ['tls/private.key', true],
    ['id_rsa', true],
    ['home/.ssh/id_rsa.pub', true],
    ['id_ed25519', true],
    ['cert.p12', true],
    ['cert.PFX', true],
    ['credentials.json', true],
    ['credentials-prod.json', true],
    ['android/release.keystore', true],
    ['wallet.json', true],
    ['wallet-main.json', true],
    ['.npmrc', true],
    ['.netrc', true],
    ['secrets.yaml', true],
    ['config/secrets.json', true],
    ['src/environment.ts', false],
    ['src/keyboard.ts', false],
    ['docs/secrets-handling.md', false],
    ['credentials.md', false],
    ['monkey', false],
    ['README.md', false],
  ])('%s → %s', (file, expected) => {
    expect(isSecretPath(file)).toBe(expected);
  });
});

describe('isExcludedFromBundle', () => {
  it.each([
    ['docs/cccc/backups/x/state.json', true],
    ['docs/cccc/logs/journal.jsonl', true],
    ['docs/cccc/runtime/loop/state.json', true],
    ['docs/cccc/context-bundle.md', true],
    ['docs/cccc/architecture.md', true],
    ['.claude/settings.json', true],
    ['node_modules/a/index.js', true],
    ['packages/x/node_modules/a/index.js', true],
    ['sub/.git/config', true],
    ['src/node_modules.ts', false],
    ['docs/guide.md', false],
    ['.github/workflows/ci.yml', false],
  ])('%s → %s', (file, expected) => {
    expect(isExcludedFromBundle(file)).toBe(expected);
  });
});
