/**
 * Gate fingerprints (issue #3 §4; cache key of issue #6): what a passing review was bound to, so
 * `cccc gates assert` can recompute it later and say WHAT changed. The original had a fingerprint that hashed the
 * milestone id as its "acceptance criteria" and never checked it (inventory §5.3); here every part is recomputed.
 *
 * A fingerprint is a set of named component hashes plus one value over them all:
 * - `head` — the HEAD commit (a commit after approval moves it even when the content is the same);
 * - `code` — the diff base and a snapshot of the working tree (`snapshotWorktree`: a git tree of every tracked
 *   and untracked, not-ignored file as it is on disk, `docs/cccc/` left out — the workspace is not code and its
 *   planning docs have their own components). Together they fix "HEAD + diff since base + untracked content";
 *   unlike hashing `git diff <base>` and the untracked files separately, the snapshot does not change when the
 *   approved work is merely staged or committed;
 * - `acceptance-criteria` — the current milestone's criteria (empty for the plan and final gates);
 * - `plan:<file>` — each planning doc and `milestones.yaml` (null hash when missing);
 * - `bundle` — the context bundle Codex read (it contains the diff, docs and findings, so it changes whenever
 *   they do — and also when the decision log or prior findings change, which is why asserts look at `code`,
 *   `acceptance-criteria` and `plan:*` rather than at the bundle);
 * - `prompt`, `schema` — the versions of the review prompt and verdict schema.
 * Each component is SHA-256 hex of the canonical JSON (`canonical-json.ts`) of its facts; `value` is SHA-256 hex
 * of canonical `{"components":{…},"version":1}`.
 */
import type { GateName } from '../../machines/types.js';
import { sha256Text } from '../files/sha256.js';
import { canonicalJson } from './canonical-json.js';

export { sha256Bytes, sha256File, sha256Text } from '../files/sha256.js';
export { canonicalJson } from './canonical-json.js';

/** Version of the fingerprint construction; bump when a component's definition changes. */
export const FINGERPRINT_VERSION = 1;

/** The facts a gate fingerprint is computed from (see the module doc for what each covers). */
export interface GateFingerprintFacts {
  /** HEAD commit id, null when unborn. */
  head: string | null;
  /** The resolved diff base: a commit id, or the empty tree. */
  base: string;
  /** Git tree hash of the working tree now (`snapshotWorktree`: tracked and untracked files, `docs/cccc/` left out). */
  worktreeTree: string;
  acceptanceCriteria: string[];
  /** Planning docs and `milestones.yaml`, in a fixed order; sha256 null when the file is missing. */
  planDocs: { name: string; sha256: string | null }[];
  bundleSha256: string;
  promptVersion: string;
  schemaVersion: string;
}

/** A gate fingerprint: the overall value and the hash of each named component. */
export interface GateFingerprint {
  value: string;
  components: Record<string, string>;
}

const hashOf = (facts: unknown): string => sha256Text(canonicalJson(facts));

/** The fingerprint of `facts` (see the module doc for components and the canonical form). */
export function gateFingerprint(facts: GateFingerprintFacts): GateFingerprint {
  const components: Record<string, string> = {
    head: hashOf(facts.head),
    code: hashOf({ base: facts.base, tree: facts.worktreeTree }),
    'acceptance-criteria': hashOf(facts.acceptanceCriteria),
    bundle: hashOf(facts.bundleSha256),
    prompt: hashOf(facts.promptVersion),
    schema: hashOf(facts.schemaVersion),
  };
  for (const doc of facts.planDocs) components[`plan:${doc.name}`] = hashOf(doc.sha256);
  return { value: hashOf({ version: FINGERPRINT_VERSION, components }), components };
}

/** The components `cccc gates assert <gate>` compares: what the approval is about (module doc). */
export function assertedComponents(gate: GateName): (name: string) => boolean {
  if (gate === 'plan') return (name) => name.startsWith('plan:');
  if (gate === 'milestone') return (name) => name === 'code' || name === 'acceptance-criteria';
  return (name) => name === 'code';
}

/**
 * Names of the components that differ between a recorded fingerprint and a recomputed one (present in one and
 * not the other counts), sorted; `only` narrows the comparison (e.g. {@link assertedComponents}). Empty = match.
 */
export function compareFingerprints(recorded: GateFingerprint, now: GateFingerprint, only: (name: string) => boolean = () => true): string[] {
  const names = new Set([...Object.keys(recorded.components), ...Object.keys(now.components)]);
  return [...names].filter((name) => only(name) && recorded.components[name] !== now.components[name]).sort();
}

/** A sentence for a changed component, for `gates assert` messages. */
export function describeComponentChange(name: string): string {
  if (name.startsWith('plan:')) return `planning doc ${name.slice(5)} changed since approval`;
  const sentences: Record<string, string> = {
    head: 'HEAD moved since approval (a commit, reset or checkout)',
    code: 'code changed since approval (a tracked or untracked file outside docs/cccc/)',
    'acceptance-criteria': "the milestone's acceptance criteria changed since approval",
    bundle: 'the context bundle changed since approval (docs, decisions, findings or diff Codex saw)',
    prompt: 'the review prompt changed since approval (cccc upgraded?)',
    schema: 'the verdict schema changed since approval (cccc upgraded?)',
  };
  return sentences[name] ?? `${name} changed since approval`;
}

export { computeGateFingerprintFacts, PLAN_FINGERPRINT_FILES } from './fingerprint-facts.js';
export type { ReviewContractVersions } from './fingerprint-facts.js';
