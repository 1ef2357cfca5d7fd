/**
 * Classifying a changed planning doc (issue #6, `cccc sync-docs`). Pure.
 *
 * By document:
 * - `architecture.md` → `architecture`;
 * - `roadmap.md`, `milestones.yaml`, `project-brief.md` (scope) → `roadmap` (roadmap/milestones);
 * - every other tracked doc (`current-state.md`, `project-map.md`, `test-strategy.md`, `risk-register.md`,
 *   `open-questions.md`, `decision-log.md`, …) → `context` (context-only).
 * Then simple content heuristics on the CHANGED lines (against the baseline copy; without one, none apply — the
 * original scanned whole files, so every doc that ever said "api" was an architecture change, inventory §8.8):
 * - a line naming a technology together with a change verb ("switch to", "migrate to", "replace", "instead of",
 *   "改为", "换成", "迁移到", "切换到" …) → `stack`, in any doc;
 * - a line with "architecture"/"架构" together with a change verb → `architecture` in a context doc.
 * cccc's own decision-log entries (appended sections titled "Resume …", "Answer to …", "Codex bypass …") are not a
 * person's change: a decision log that only grew by those is unchanged.
 * Config switches (`docs_sync.invalidate_plan_on_*_change: false`) turn that impact into `context`;
 * `allow_context_only_for_low_impact_changes: false` turns `context` into `roadmap` (a person decides every change).
 */
import type { DocChange, DocImpact } from '../../machines/policy-types.js';
import type { CcccConfig } from '../config/schema.js';

/** The impact of a change to each named doc before heuristics; unlisted docs are `context`. */
export const DOC_IMPACT: Readonly<Record<string, DocImpact>> = {
  'architecture.md': 'architecture',
  'roadmap.md': 'roadmap',
  'milestones.yaml': 'roadmap',
  'project-brief.md': 'roadmap',
};

const TECH =
  /\b(mysql|postgres(?:ql)?|sqlite|mongo(?:db)?|redis|dynamodb|express|fastify|koa|nest(?:js)?|next\.js|nuxt|react|vue|svelte|angular|prisma|drizzle|typeorm|sequelize|django|flask|rails|spring|golang|rust|python|java|node(?:\.js)?|deno|bun|kafka|rabbitmq|graphql|grpc|kubernetes|docker|aws|gcp|azure)\b/i;
const CHANGE_VERB = /\b(switch(?:ed|ing)?\s+(?:to|from)|migrat(?:e|ed|ing)\s+(?:to|from|off)|replac(?:e|ed|ing)|mov(?:e|ed|ing)\s+to|instead\s+of|drop(?:ped|ping)?|adopt(?:ed|ing)?|rewrit(?:e|ten)\s+in)\b|切换到|迁移到|改为|换成|替换/i;
const ARCHITECTURE = /\barchitectur(?:e|al)\b|架构/i;
/** The title of a section cccc appends to the decision log (`src/plan/decision-log.ts` callers). */
const CCCC_ENTRY = /^## \S+ — (Resume \S+ → \S+|Answer to \S+|Codex bypass\b.*)$/;

/** Lines of `after` not in `before` and lines of `before` not in `after` (as multisets, order ignored). */
export function changedLines(before: string, after: string): string[] {
  const count = new Map<string, number>();
  for (const line of before.split('\n')) count.set(line, (count.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after.split('\n')) {
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else added.push(line);
  }
  const removed = [...count.entries()].flatMap(([line, n]) => Array<string>(n).fill(line));
  return [...added, ...removed].filter((l) => l.trim() !== '');
}

/** True when `after` is `before` plus only sections cccc itself appends to the decision log. */
export function onlyCcccAppends(before: string, after: string): boolean {
  if (!after.startsWith(before) || after === before) return false;
  const sections = after.slice(before.length).split(/\n(?=## )/).map((s) => s.trim()).filter(Boolean);
  return sections.every((s) => CCCC_ENTRY.test(s.split('\n')[0]!) && s.split('\n').slice(1).every((l) => l.trim() === '' || l.startsWith('- ')));
}

/** The impact a changed line suggests, if any. */
function lineImpact(line: string, docDefault: DocImpact): DocImpact | null {
  if (!CHANGE_VERB.test(line)) return null;
  if (TECH.test(line)) return 'stack';
  if (docDefault === 'context' && ARCHITECTURE.test(line)) return 'architecture';
  return null;
}

/** What one doc's change is, before config switches. Null when it is not a person's change (cccc's own appends). */
export function classifyDoc(doc: string, before: string | null, after: string | null, change: DocChange['change']): Omit<DocChange, 'doc' | 'change'> | null {
  if (doc === 'decision-log.md' && before !== null && after !== null && onlyCcccAppends(before, after)) return null;
  const byDoc = DOC_IMPACT[doc] ?? 'context';
  if (change === 'deleted') return { impact: byDoc, why: `${doc} was deleted` };
  if (before === null || after === null) return { impact: byDoc, why: `${doc} (${byDoc} document; no baseline copy to compare lines)` };
  for (const line of changedLines(before, after)) {
    const impact = lineImpact(line, byDoc);
    if (impact) return { impact, why: `changed line: "${line.trim().slice(0, 120)}"` };
  }
  return { impact: byDoc, why: `${doc} is a${byDoc === 'architecture' ? 'n' : ''} ${byDoc === 'context' ? 'context-only' : byDoc} document` };
}

/** Apply the config's switches to a classified change. */
export function applySwitches(change: DocChange, config: CcccConfig): DocChange {
  const s = config.docs_sync;
  const off: Partial<Record<DocImpact, boolean>> = {
    architecture: !s.invalidate_plan_on_architecture_change,
    stack: !s.invalidate_plan_on_stack_change,
    roadmap: !s.invalidate_plan_on_roadmap_change,
  };
  if (off[change.impact]) return { ...change, impact: 'context', why: `${change.why} (docs_sync.invalidate_plan_on_${change.impact}_change is false)` };
  if (change.impact === 'context' && !s.allow_context_only_for_low_impact_changes) {
    return { ...change, impact: 'roadmap', why: `${change.why} (docs_sync.allow_context_only_for_low_impact_changes is false)` };
  }
  return change;
}
