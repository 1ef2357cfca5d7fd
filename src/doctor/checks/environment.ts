/** Doctor checks of the environment: the Node.js version and the git repository. */
import { CcccError } from '../../errors.js';
import { repoRoot } from '../../git/repo.js';
import { line, type DoctorCheckFn } from '../types.js';

/** The lowest supported Node.js (package.json `engines.node`). */
export const MIN_NODE_VERSION = '20.19.0';

/** True when dotted version `a` ≥ `b` (numeric per part; a leading `v` is ignored). */
export function versionAtLeast(a: string, b: string): boolean {
  const parts = (v: string) => v.replace(/^v/, '').split('.').map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Node.js ≥ {@link MIN_NODE_VERSION} (engines.node). */
export const checkNode: DoctorCheckFn = async (facts, t) => {
  const version = facts.deps.nodeVersion ?? process.versions.node;
  const title = t('doctor.node.title');
  return versionAtLeast(version, MIN_NODE_VERSION)
    ? line('node', 'PASS', title, t('doctor.node.ok', { version, min: MIN_NODE_VERSION }))
    : line('node', 'FAIL', title, t('doctor.node.old', { version, min: MIN_NODE_VERSION }), t('doctor.node.old.hint', { min: MIN_NODE_VERSION }));
};

/** `git rev-parse --show-toplevel` works in the directory doctor runs in (read-only). */
export const checkGit: DoctorCheckFn = async (facts, t) => {
  const title = t('doctor.git.title');
  try {
    return line('git', 'PASS', title, t('doctor.git.ok', { root: await repoRoot(facts.deps.cwd) }));
  } catch (error) {
    if (error instanceof CcccError && error.code === 'NOT_A_GIT_REPO') {
      return line('git', 'FAIL', title, t('doctor.git.notRepo', { cwd: facts.deps.cwd }), t('doctor.git.notRepo.hint'));
    }
    return line('git', 'FAIL', title, t('doctor.git.missing', { message: (error as Error).message }), t('doctor.git.missing.hint'));
  }
};
