/**
 * Shapes of the context bundle (issue #3 §3): the parts the collector reads from the workspace and git, and
 * the assembled {@link ContextBundle}. The assembler is pure over {@link BundleParts}, so it is tested without
 * a repository.
 */
import type { Finding, GateName, Limits, Milestone } from '../../machines/types.js';

/** One workspace document. `text` null means the file does not exist. */
export interface BundleDoc {
  /** File name under `docs/cccc/`, e.g. `architecture.md`. */
  name: string;
  text: string | null;
  /** Bytes of the file that were not read because of the per-file read cap (0 when read whole). */
  unreadBytes: number;
}

/** One file of the diff since base: a tracked file's patch section or an untracked file as a new-file patch. */
export interface BundleDiffFile {
  /** Repo-relative path with `/` separators. */
  path: string;
  change: 'modified' | 'added' | 'deleted' | 'untracked';
  /** No hunks: git's "Binary files … differ", or an untracked file with a NUL byte. */
  binary: boolean;
  /** Lines added and removed. For a partly read untracked file, a lower bound (`countsComplete` false). */
  added: number;
  removed: number;
  countsComplete: boolean;
  /** The patch text that was read (whole lines). */
  patch: string;
  /** Bytes of the patch (or of the untracked file) that were not read because of the per-file read cap. */
  unreadBytes: number;
}

/** The diff since base: the resolved base (commit id or the empty tree) and the files, sorted by path. */
export interface BundleDiff {
  base: string;
  files: BundleDiffFile[];
}

/** Everything the bundle says, collected; input of `assembleBundle`. */
export interface BundleParts {
  task: string | null;
  limits: Limits;
  gate: GateName;
  /** The milestone under review (null for the plan and final gates). */
  milestone: Milestone | null;
  /** All milestones of the plan, in plan order. */
  milestones: Milestone[];
  /** Findings of earlier rounds of this gate (this milestone's, or the plan's). */
  priorFindings: Finding[];
  /** The planning docs in {@link PLANNING_DOC_NAMES} order. */
  planningDocs: BundleDoc[];
  decisionLog: BundleDoc;
  openQuestions: BundleDoc;
  /** The diff since base for the milestone and final gates; null for the plan gate. */
  diff: BundleDiff | null;
  /** Secret-looking paths left out, sorted; listed by name only. */
  withheld: string[];
}

/** A section the cap (or a read cap) cut, and by how many bytes. */
export interface TruncatedSection {
  /** `task`, `planning-docs/<name>`, `decision-log`, `open-questions`, `milestones`, `diff/stat`, `diff/<path>`… */
  section: string;
  droppedBytes: number;
}

/** The assembled bundle: `text` is at most the cap in UTF-8 bytes; `bytes` is its exact size. */
export interface ContextBundle {
  text: string;
  bytes: number;
  /** SHA-256 hex of `text` (UTF-8), for gate fingerprints. */
  sha256: string;
  truncated: TruncatedSection[];
  withheld: string[];
}

/** The planning docs of the bundle, in bundle order (issue #3 §3; spec "Project discovery"). */
export const PLANNING_DOC_NAMES = [
  'project-brief.md',
  'roadmap.md',
  'project-map.md',
  'current-state.md',
  'architecture.md',
  'test-strategy.md',
  'risk-register.md',
] as const;
