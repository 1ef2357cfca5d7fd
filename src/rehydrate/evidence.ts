/**
 * Everything `cccc reset` infers from (issue #5 rehydrate; the original's sources are inventory §8.5): the
 * journal and its replay, state.json as found, the discovery and planning docs, `milestones.yaml`, the review
 * artifacts and the open questions. Read-only; the inference itself is pure (`infer.ts`).
 */
import { readFile } from 'node:fs/promises';
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import type { DocState } from '../../machines/types.js';
import { docStates } from '../plan/docs.js';
import { readMilestones, type MilestonePlan } from '../plan/milestones.js';
import { readJournalFile, readStateFile, verifyAgainstJournal, type JournalRead, type StateRead, type VerifyReport } from '../state/verify.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { readReviewArtifacts, type ReviewArtifact } from './reviews.js';

/** What reset found in the workspace. */
export interface RehydrateEvidence {
  state: StateRead;
  journal: JournalRead;
  /** The verification of state.json against the journal. */
  verify: VerifyReport;
  /** States of the discovery docs and planning docs, by file name. */
  docs: Record<string, DocState>;
  milestones: MilestonePlan;
  reviews: ReviewArtifact[];
  /** Rows still marked open in open-questions.md (`| open |`) or unchecked boxes (`- [ ]`). */
  openQuestions: number;
}

/** Count open questions in open-questions.md text (the docs-template table's `open` status, or `- [ ]` items). */
export function countOpenQuestions(text: string | null): number {
  if (!text || text.includes('cccc:template')) return 0;
  return text.split('\n').filter((line) => /^\|\s*open\s*\|/i.test(line) || /^\s*[-*]\s*\[ \]/.test(line)).length;
}

/** Collect the evidence of the workspace at `paths` (the caller holds the lock when it will write). */
export async function collectEvidence(paths: WorkspacePaths): Promise<RehydrateEvidence> {
  const [state, journal, docs, milestones, reviews, questions] = await Promise.all([
    readStateFile(paths),
    readJournalFile(paths.journal),
    docStates(paths, [...DISCOVERY_DOCS, ...PLANNING_DOCS]),
    readMilestones(paths),
    readReviewArtifacts(paths),
    readFile(paths.openQuestions, 'utf8').catch(() => null),
  ]);
  return { state, journal, verify: verifyAgainstJournal(state, journal), docs, milestones, reviews, openQuestions: countOpenQuestions(questions) };
}
