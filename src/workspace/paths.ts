/**
 * Where everything lives in a workspace. All paths are absolute, derived from the repository root; the
 * layout is the original's (`docs/cccc/…`, `.claude/commands/…`) so its users find their files.
 */
import path from 'node:path';

/** Absolute paths of one workspace, from its repository root. */
export interface WorkspacePaths {
  root: string;
  workspace: string;
  config: string;
  state: string;
  journal: string;
  logs: string;
  hookLog: string;
  backups: string;
  reviews: string;
  milestones: string;
  decisionLog: string;
  openQuestions: string;
  contextBundle: string;
  loopDir: string;
  commandsDir: string;
  claudeDir: string;
  inbox: string;
  /** A planning doc by file name, e.g. `doc('architecture.md')`. */
  doc(name: string): string;
  /** Path relative to the repository root, with `/` separators (for artifacts and messages). */
  rel(abs: string): string;
}

/** The workspace paths for the repository at `root`. */
export function workspacePaths(root: string): WorkspacePaths {
  const workspace = path.join(root, 'docs', 'cccc');
  const logs = path.join(workspace, 'logs');
  return {
    root,
    workspace,
    config: path.join(workspace, 'config.json'),
    state: path.join(workspace, 'state.json'),
    journal: path.join(logs, 'journal.jsonl'),
    logs,
    hookLog: path.join(logs, 'hooks.jsonl'),
    backups: path.join(workspace, 'backups'),
    reviews: path.join(workspace, 'reviews'),
    milestones: path.join(workspace, 'milestones.yaml'),
    decisionLog: path.join(workspace, 'decision-log.md'),
    openQuestions: path.join(workspace, 'open-questions.md'),
    contextBundle: path.join(workspace, 'context-bundle.md'),
    loopDir: path.join(workspace, 'runtime', 'loop'),
    commandsDir: path.join(root, '.claude', 'commands'),
    claudeDir: path.join(root, '.claude'),
    inbox: path.join(workspace, 'inbox'),
    doc: (name: string) => path.join(workspace, name),
    rel: (abs: string) => path.relative(root, abs).split(path.sep).join('/'),
  };
}
