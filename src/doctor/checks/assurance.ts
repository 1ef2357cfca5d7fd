/**
 * Doctor checks that read the run's assurance from the machine context: lower-assurance marks, pending Codex
 * rechecks, and planning docs changed since the plan was approved (issue #5; the fields come from issue #6's
 * bypass and docs sync). Context fields this build does not know yet are read loosely and skipped when absent.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Bytes } from '../../files/sha256.js';
import type { DoctorFacts } from '../facts.js';
import { line, type DoctorCheck, type DoctorCheckFn } from '../types.js';

/**
 * Context keys that may hold bypassed gates with their recheck state (issue #6 "queues a Codex recheck"):
 * `bypasses: [{gate, milestone, recheck: 'pending'|'passed'|…}]`, or a plain queue under the older names.
 */
const RECHECK_KEYS = ['bypasses', 'pendingRechecks', 'rechecks'] as const;
/**
 * Context keys that may hold the planning-doc hashes recorded at plan approval (issue #6 "Docs sync"):
 * `docsBaseline: {<doc file name>: sha256 hex | null (missing then)}`.
 */
const DOC_HASH_KEYS = ['docsBaseline', 'planDocHashes'] as const;

async function context(facts: DoctorFacts): Promise<Record<string, unknown> | null> {
  const state = await facts.state();
  return state.kind === 'valid' ? (state.envelope.snapshot.context as unknown as Record<string, unknown>) : null;
}

function isPending(entry: unknown): boolean {
  if (typeof entry === 'string') return true;
  if (entry === null || typeof entry !== 'object') return false;
  const { recheck, status } = entry as { recheck?: unknown; status?: unknown };
  return recheck !== undefined ? recheck === 'pending' : status === undefined || status === 'pending';
}

function label(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  const { gate, milestone } = entry as { gate?: unknown; milestone?: unknown };
  return [gate, milestone].filter((x) => typeof x === 'string').join(' ') || 'recheck';
}

/** Labels (`gate milestone`) of the pending Codex rechecks found in `ctx` (pure). */
export function pendingRechecks(ctx: Record<string, unknown>): string[] {
  for (const key of RECHECK_KEYS) {
    const value = ctx[key];
    if (Array.isArray(value)) return value.filter(isPending).map(label);
  }
  return [];
}

/** Lower-assurance marks and pending Codex rechecks. */
export const checkAssurance: DoctorCheckFn = async (facts, t) => {
  const ctx = await context(facts);
  if (!ctx) return [];
  const title = t('doctor.assurance.title');
  const lines: DoctorCheck[] = [];
  if (ctx.lowerAssurance === true) lines.push(line('assurance', 'WARN', title, t('doctor.assurance.lower'), t('doctor.assurance.lower.hint')));
  const rechecks = pendingRechecks(ctx);
  if (rechecks.length) lines.push(line('assurance', 'WARN', title, t('doctor.rechecks', { count: rechecks.length, items: rechecks.join(', ') }), t('doctor.rechecks.hint')));
  return lines.length ? lines : line('assurance', 'PASS', title, t('doctor.assurance.ok'));
};

/** The plan-approval doc hashes in `ctx`, `{doc: sha256 | null}` (null: missing then), or null when none are recorded (pure). */
export function approvedDocHashes(ctx: Record<string, unknown>): Record<string, string | null> | null {
  for (const key of DOC_HASH_KEYS) {
    const value = ctx[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const entries = Object.entries(value as Record<string, unknown>).filter((e): e is [string, string | null] => typeof e[1] === 'string' || e[1] === null);
    if (entries.length) return Object.fromEntries(entries);
  }
  return null;
}

/** Planning docs whose content no longer has the hash recorded when the plan was approved. */
export const checkDocsSinceApproval: DoctorCheckFn = async (facts, t) => {
  const ctx = await context(facts);
  if (!ctx) return [];
  const title = t('doctor.docs.title');
  const hashes = approvedDocHashes(ctx);
  if (!hashes) return line('docs', 'PASS', title, t('doctor.docs.none'));
  const changed: string[] = [];
  for (const [doc, hash] of Object.entries(hashes)) {
    const file = doc.includes('/') ? path.join(facts.root, doc) : facts.paths.doc(doc);
    const bytes = await readFile(file).catch(() => null);
    const now = bytes === null ? null : sha256Bytes(bytes);
    if (now !== (hash === null ? null : hash.replace(/^sha256:/, ''))) changed.push(doc);
  }
  return changed.length
    ? line('docs', 'WARN', title, t('doctor.docs.changed', { docs: changed.join(', ') }), t('doctor.docs.changed.hint'))
    : line('docs', 'PASS', title, t('doctor.docs.ok', { count: Object.keys(hashes).length }));
};
