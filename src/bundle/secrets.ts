/**
 * What the bundle never shows (issue #3 §3). Two kinds: paths excluded by policy (cccc's own workspace files,
 * `.claude/`, dependencies, git internals) are left out silently; paths that look secret are left out and listed
 * by name under "Withheld". The original leaked both into Codex's prompt (inventory §10, item 33).
 */

/**
 * Repo-relative paths (the `excludePathspecs` rule) git is told to leave out of the bundle's diff. The whole
 * cccc workspace is here: its planning docs have their own sections, and backups, logs, runtime files, review
 * artifacts, state and earlier bundles must never be sent.
 */
export const BUNDLE_EXCLUDED_PATHS: readonly string[] = ['docs/cccc/', '.claude/', 'node_modules/'];

/** Directory names excluded at any depth (nested dependency folders, nested repositories). */
const EXCLUDED_SEGMENTS = new Set(['node_modules', '.git']);

/** True when a repo-relative path is excluded from the bundle by policy (see {@link BUNDLE_EXCLUDED_PATHS}). */
export function isExcludedFromBundle(file: string): boolean {
  if (BUNDLE_EXCLUDED_PATHS.some((prefix) => file.startsWith(prefix))) return true;
  return file.split('/').slice(0, -1).some((segment) => EXCLUDED_SEGMENTS.has(segment));
}

/** `.env.*` files that are templates, not secrets. */
const ENV_TEMPLATES = new Set(['.env.example', '.env.sample', '.env.template']);

/**
 * Secret-looking file names, matched case-insensitively on the base name: `.env`, `.env.*` (not `.example`,
 * `.sample`, `.template`), `*.pem`, `*.key`, `id_rsa*`, `id_ed25519*`, `*.p12`, `*.pfx`, `credentials*.json`,
 * `*.keystore`, `wallet*.json`, `.npmrc`, `.netrc`, `secrets.*`.
 */
const SECRET_NAME_RULES: readonly ((name: string) => boolean)[] = [
  (name) => name === '.env' || (name.startsWith('.env.') && !ENV_TEMPLATES.has(name)),
  (name) => ['.pem', '.key', '.p12', '.pfx', '.keystore'].some((ext) => name.endsWith(ext)),
  (name) => name.startsWith('id_rsa') || name.startsWith('id_ed25519'),
  (name) => /^credentials.*\.json$/.test(name) || /^wallet.*\.json$/.test(name),
  (name) => name === '.npmrc' || name === '.netrc' || name.startsWith('secrets.'),
];

/** True when a path's file name looks like it holds a secret (see {@link SECRET_NAME_RULES}). */
export function isSecretPath(file: string): boolean {
  const name = (file.split('/').pop() ?? file).toLowerCase();
  return SECRET_NAME_RULES.some((rule) => rule(name));
}
