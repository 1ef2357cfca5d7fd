/**
 * `docs/cccc/milestones.yaml`: a YAML list of milestones (issue #2 §4), validated with zod. Ids must be unique
 * and safe as file names; `depends_on` must name earlier milestones. Problems are returned as data
 * (`field: message` lines naming the file) so `submit plan` can refuse with all of them at once.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Milestone } from '../../machines/types.js';
import { MilestoneSchema } from '../state/context-schema.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { TEMPLATE_MARKER } from './docs.js';

/** Parsed milestones and every problem found (empty when valid). */
export interface MilestonePlan {
  milestones: Milestone[];
  errors: string[];
}

const MilestoneListSchema = z.array(MilestoneSchema).min(1, 'the plan needs at least one milestone');

/** Validate milestones YAML text; `file` names the file in messages. Never throws for bad content. */
export function parseMilestones(text: string, file: string): MilestonePlan {
  if (text.includes(TEMPLATE_MARKER)) {
    return { milestones: [], errors: [`${file}: still the template (delete the ${TEMPLATE_MARKER} line after writing your milestones)`] };
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { milestones: [], errors: [`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  // Accept either a bare list or `{milestones: [...]}`.
  if (value && typeof value === 'object' && !Array.isArray(value) && 'milestones' in value) value = (value as { milestones: unknown }).milestones;
  const parsed = MilestoneListSchema.safeParse(value);
  if (!parsed.success) {
    return {
      milestones: [],
      errors: parsed.error.issues.map((i) => `${file}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((m, index) => {
    if (seen.has(m.id)) errors.push(`${file}: ${index}.id: duplicate milestone id ${m.id}`);
    for (const dep of m.depends_on) {
      if (!seen.has(dep)) errors.push(`${file}: ${index}.depends_on: ${dep} is not an earlier milestone`);
    }
    seen.add(m.id);
  });
  return { milestones: errors.length ? [] : parsed.data, errors };
}

/** Read and validate the workspace's milestones.yaml (a missing file is one error). */
export async function readMilestones(paths: WorkspacePaths): Promise<MilestonePlan> {
  const file = paths.rel(paths.milestones);
  const text = await readFile(paths.milestones, 'utf8').catch(() => null);
  if (text === null) return { milestones: [], errors: [`${file}: missing — write the plan's milestones there`] };
  return parseMilestones(text, file);
}
