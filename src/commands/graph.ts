/**
 * `cccc graph [--format mermaid|json] [--condensed] [--readme]` (issue #5): the machine's states and
 * transitions, generated from the machine definition (`machineGraph()`). `mermaid` is the full
 * `stateDiagram-v2`; `--condensed` collapses the pause/resume fans (the README's view); `json` is the graph
 * itself. `--readme` rewrites the diagram block of this package's README.md with the condensed view.
 */
import path from 'node:path';
import { machineGraph, toMermaid, type MachineGraph } from '../../machines/graph.js';
import { UsageError } from '../errors.js';
import { toCondensedMermaid } from '../graph/condensed.js';
import { writeReadmeGraph } from '../graph/readme.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { packageRoot } from '../workspace/package-root.js';

/** Options of `cccc graph`. */
export interface GraphOptions {
  format?: string;
  condensed?: boolean;
  /** Rewrite the README block instead of printing; `readmeFile` defaults to this package's README.md. */
  readme?: boolean;
  readmeFile?: string;
}

/** What `cccc graph` produced: the diagram text, the graph (json), or the README it rewrote. */
export type GraphResult =
  | { kind: 'mermaid'; text: string }
  | { kind: 'json'; graph: MachineGraph }
  | { kind: 'readme'; file: string; changed: boolean };

/** The README's diagram: the condensed Mermaid view of the machine. */
export function readmeMermaid(): string {
  return toCondensedMermaid(machineGraph());
}

/** Run `cccc graph`. Throws UsageError for an unknown format. */
export async function runGraph(options: GraphOptions): Promise<GraphResult> {
  const format = options.format ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'json') throw new UsageError(`Unknown format "${format}".`, 'Use --format mermaid or --format json.');
  if (options.readme) {
    const file = options.readmeFile ?? path.join(packageRoot(), 'README.md');
    return { kind: 'readme', file, changed: await writeReadmeGraph(file, readmeMermaid()) };
  }
  const graph = machineGraph();
  if (format === 'json') return { kind: 'json', graph };
  return { kind: 'mermaid', text: options.condensed ? toCondensedMermaid(graph) : toMermaid(graph) };
}

/** The text `cccc graph` prints (JSON for `--format json`). */
export function formatGraph(r: GraphResult, language: Language = 'en'): string {
  if (r.kind === 'json') return JSON.stringify(r.graph, null, 2);
  if (r.kind === 'mermaid') return r.text;
  const t = translator(language);
  return t(r.changed ? 'graph.readme.updated' : 'graph.readme.current', { file: r.file });
}
