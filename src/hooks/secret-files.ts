/**
 * Which file paths hold secrets, for the PreToolUse guard (issue #4 §3: "reading or writing secret files
 * (`.env*`, private keys, wallet/keystore files)"). Matching is on the path's name and last directories,
 * case-insensitive, with `\` treated as `/` (Windows tool paths, external-interfaces B3).
 *
 * Two classes, each behind its own `safety.*` flag:
 * - `secret-file` (`safety.pause_on_real_secrets`): `.env`, `.env.*` except the templates `.env.example`,
 *   `.env.sample`, `.env.template`; `*.env`; `.envrc` (direnv); `credentials.json`, `secrets.{json,yaml,yml,toml}`,
 *   `secret.{…}`; `.netrc`/`_netrc`, `.pgpass`, `.git-credentials`, `~/.aws/credentials`, `~/.kube/config`,
 *   `application_default_credentials.json` (gcloud). `.npmrc`, `.pypirc` and `.yarnrc.yml` count only in the home
 *   directory: a project's copy is committed configuration (a token there should be `${NPM_TOKEN}`), the
 *   user's copy usually holds the token itself.
 * - `private-key` (`safety.pause_on_wallet_private_keys`): SSH keys `id_rsa`, `id_dsa`, `id_ecdsa`, `id_ed25519`
 *   (and `_sk`; never `.pub`) and any other file in a `.ssh/` directory except `known_hosts`, `authorized_keys`,
 *   `config`, `environment` and `*.pub`; `*.pem`, `*.key`, `*.p12`, `*.pfx`, `*.jks`, `*.keystore`, `*.ppk`; wallet files
 *   (`wallet.dat`, `*.wallet`), anything in a `keystore/` directory, and the Solana CLI key `~/.config/solana/id.json`.
 */
import path from 'node:path';

/** The class of a secret path. */
export type SecretKind = 'secret-file' | 'private-key';

const ENV_TEMPLATES = new Set(['example', 'sample', 'template']);
const SECRET_NAMES = new Set([
  '.envrc',
  'credentials.json',
  '.netrc',
  '_netrc',
  '.pgpass',
  '.git-credentials',
  'application_default_credentials.json',
]);
const SECRET_STEMS = new Set(['secrets', 'secret']);
const SECRET_STEM_EXTS = new Set(['.json', '.yaml', '.yml', '.toml']);
const HOME_ONLY_NAMES = new Set(['.npmrc', '.pypirc', '.yarnrc.yml']);
const SSH_PUBLIC = new Set(['known_hosts', 'known_hosts.old', 'authorized_keys', 'config', 'environment']);
const SSH_KEYS = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);
const KEY_EXTS = new Set(['.pem', '.key', '.p12', '.pfx', '.jks', '.keystore', '.ppk', '.wallet']);

/**
 * The secret class of `filePath`, or null. `filePath` may be relative; `homeDir` decides the home-only names.
 * A glob pattern is matched after removing its wildcards (`.env*` → `.env`, `*.pem` → `.pem`), so a pattern
 * that could name a secret counts as one.
 */
export function secretKindOf(filePath: string, homeDir: string | null): SecretKind | null {
  const normal = filePath.replace(/\\/g, '/').replace(/\/+$/, '').toLowerCase();
  if (normal === '') return null;
  const name = path.posix.basename(normal);
  const parts = normal.split('/');
  const parent = parts[parts.length - 2] ?? '';
  const ext = path.posix.extname(name);

  if (SSH_KEYS.has(name) || KEY_EXTS.has(ext) || name === 'wallet.dat') return 'private-key';
  if (parts.slice(0, -1).includes('keystore')) return 'private-key';
  if (parent === '.ssh' && !SSH_PUBLIC.has(name) && ext !== '.pub') return 'private-key';
  if (normal.endsWith('.config/solana/id.json')) return 'private-key';

  if (name === '.env' || (name.endsWith('.env') && name.length > 4)) return 'secret-file';
  if (name.startsWith('.env.') && !ENV_TEMPLATES.has(name.slice(5))) return 'secret-file';
  if (SECRET_NAMES.has(name)) return 'secret-file';
  if (SECRET_STEMS.has(path.posix.basename(name, ext)) && SECRET_STEM_EXTS.has(ext)) return 'secret-file';
  if (name === 'credentials' && parent === '.aws') return 'secret-file';
  if (name === 'config' && parent === '.kube') return 'secret-file';
  if (HOME_ONLY_NAMES.has(name) && homeDir !== null && inHome(filePath, homeDir)) return 'secret-file';
  return null;
}

/** `secretKindOf` for a glob pattern: wildcards (`*`, `?`, `[…]`) removed first. */
export function secretKindOfPattern(pattern: string, homeDir: string | null): SecretKind | null {
  const stripped = pattern.replace(/\[[^\]]*\]|[*?]/g, '');
  // `~/.ssh/*`: the wildcard was the whole name, so test a stand-in name in that directory.
  return secretKindOf(stripped.endsWith('/') ? `${stripped}any-file` : stripped, homeDir);
}

function inHome(filePath: string, homeDir: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  const dir = p.startsWith('~/') ? '~' : path.posix.dirname(p);
  return dir === '~' || dir === homeDir.replace(/\\/g, '/').replace(/\/+$/, '') || dir === '$HOME';
}
