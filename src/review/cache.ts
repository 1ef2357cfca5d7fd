/**
 * The review cache (issue #6): a review whose cache key matches a PASSING review recorded in this run is reused —
 * no Codex call, a `review.verdict` with `source: 'cache'` in the journal. The machine re-checks the match
 * (`verdictSourceTrusted`), so a failing verdict is never reused as a pass and a cache hit cannot be invented.
 *
 * The cache key is the part of the gate fingerprint (`src/gates/fingerprint.ts`) that decides what Codex judged:
 * the bundle (which carries the diff, the planning docs, decisions and prior findings), the prompt and verdict
 * schema versions, and per gate the plan docs (plan), the code snapshot and acceptance criteria (milestone) or the
 * code snapshot (final). HEAD is left out: committing exactly what Codex approved does not change what it judged.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateName, GateRecord, VerdictFacts, WorkflowContext } from '../../machines/types.js';
import { sha256Text } from '../files/sha256.js';
import { canonicalJson } from '../gates/canonical-json.js';
import type { GateFingerprint } from '../gates/fingerprint.js';
import { toVerdictFacts } from '../verdicts/parse.js';
import { VERDICT_SCHEMAS } from '../verdicts/schemas.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** The fingerprint components of `gate`'s cache key (see the module doc). */
export function cacheComponents(gate: GateName): (name: string) => boolean {
  const always = new Set(['bundle', 'prompt', 'schema']);
  if (gate === 'plan') return (name) => always.has(name) || name.startsWith('plan:');
  if (gate === 'milestone') return (name) => always.has(name) || name === 'code' || name === 'acceptance-criteria';
  return (name) => always.has(name) || name === 'code';
}

/** SHA-256 hex of the canonical JSON of `{gate, components}` restricted to {@link cacheComponents}. */
export function reviewCacheKey(gate: GateName, fingerprint: GateFingerprint): string {
  const keep = cacheComponents(gate);
  const components = Object.fromEntries(Object.entries(fingerprint.components).filter(([name]) => keep(name)));
  return sha256Text(canonicalJson({ gate, components, version: 1 }));
}

/** The latest passing Codex (or cached) record of this run for the same gate, milestone and cache key. */
export function findCachedRecord(context: WorkflowContext, gate: GateName, milestone: string | null, cacheKey: string): GateRecord | null {
  return (
    [...context.gates]
      .reverse()
      .find((g) => g.passed && g.source !== 'bypass' && g.gate === gate && g.milestone === milestone && g.cacheKey === cacheKey) ?? null
  );
}

/**
 * The verdict of a cached record, read back from its artifact. Null (a cache miss, never an error) when the file
 * is missing, was edited (its SHA-256 no longer matches the record), or does not hold a valid verdict of `gate`.
 */
export async function cachedVerdict(paths: WorkspacePaths, record: GateRecord): Promise<VerdictFacts | null> {
  const text = await readFile(path.join(paths.root, record.artifact), 'utf8').catch(() => null);
  if (text === null || sha256Text(text) !== record.artifactSha256) return null;
  try {
    const artifact = JSON.parse(text) as { verdict?: unknown };
    const parsed = VERDICT_SCHEMAS[record.gate].safeParse(artifact.verdict);
    return parsed.success ? toVerdictFacts(parsed.data) : null;
  } catch {
    return null;
  }
}
