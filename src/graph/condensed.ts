/**
 * A condensed Mermaid view of the machine graph for the README (issue #5, `cccc graph --condensed`). The full
 * graph (`toMermaid`) draws `pause.requested` from every active status to every pause and `resume` from every
 * pause to every active status — well over a hundred edges that each say one thing. Here every such fan is
 * drawn once against a pseudo-state "any active status" (`ANY_ACTIVE`):
 * - an event that leads from *every* active status to the same status X: `ANY_ACTIVE --> X : event`
 *   (e.g. `pause.requested` into each pause);
 * - an event every active status accepts without moving: `ANY_ACTIVE --> ANY_ACTIVE : event`;
 * - an event that leads from a status P to *every* active status: `P --> ANY_ACTIVE : event` (`resume`, labelled
 *   with P's strategies from the status table).
 * A fan is collapsed only when the graph has it complete, so the condensed view cannot hide a missing
 * transition. Every other edge is drawn as in the full view. Pure and deterministic.
 */
import type { GraphTransition, MachineGraph } from '../../machines/graph.js';
import { STATUS_TABLE, isStatus, type Status, type StatusKind } from '../../machines/status-table.js';

/** Id of the pseudo-state that stands for every active status. */
export const ANY_ACTIVE = 'ANY_ACTIVE';

interface Edge {
  from: string;
  to: string;
  events: string[];
}

/** The transitions as edges with `ANY_ACTIVE` in place of complete fans (see the module doc). */
export function condensedEdges(graph: MachineGraph): Edge[] {
  const active = graph.states.filter((s) => s.kind === 'active').map((s) => s.id);
  if (active.length === 0) return graph.transitions.map((t) => ({ from: t.from, to: t.to, events: [t.event] }));
  const isActive = new Set<string>(active);
  const key = (t: Pick<GraphTransition, 'from' | 'event' | 'to'>) => `${t.from}|${t.event}|${t.to}`;
  const present = new Set(graph.transitions.map(key));
  const everyActive = (f: (a: Status) => string) => active.every((a) => present.has(f(a)));

  const mapped: { from: string; to: string; event: string }[] = [];
  const seen = new Set<string>();
  for (const t of graph.transitions) {
    let from: string = t.from;
    let to: string = t.to;
    if (isActive.has(t.from) && t.from === t.to && everyActive((a) => `${a}|${t.event}|${a}`)) [from, to] = [ANY_ACTIVE, ANY_ACTIVE];
    else if (isActive.has(t.from) && !isActive.has(t.to) && everyActive((a) => `${a}|${t.event}|${t.to}`)) from = ANY_ACTIVE;
    else if (!isActive.has(t.from) && isActive.has(t.to) && everyActive((a) => `${t.from}|${t.event}|${a}`)) to = ANY_ACTIVE;
    const event = to === ANY_ACTIVE && from !== ANY_ACTIVE && t.event === 'resume' && isStatus(from) ? `resume ${STATUS_TABLE[from].resume.join(' | ')}` : t.event;
    const k = `${from}|${event}|${to}`;
    if (seen.has(k)) continue;
    seen.add(k);
    mapped.push({ from, to, event });
  }

  const order = new Map<string, number>([[ANY_ACTIVE, -1], ...graph.states.map((s, i) => [s.id, i] as [string, number])]);
  const rank = (id: string) => order.get(id) ?? order.size;
  const edges = new Map<string, Edge>();
  for (const m of mapped) {
    const k = `${m.from} --> ${m.to}`;
    const edge = edges.get(k) ?? { from: m.from, to: m.to, events: [] };
    edge.events.push(m.event);
    edges.set(k, edge);
  }
  // Fans last, so the work flow reads top to bottom first.
  const fan = (e: Edge) => (e.from === ANY_ACTIVE || e.to === ANY_ACTIVE ? 1 : 0);
  return [...edges.values()].sort((a, b) => fan(a) - fan(b) || rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
}

/** Render `graph` condensed (see the module doc). */
export function toCondensedMermaid(graph: MachineGraph): string {
  const lines = ['stateDiagram-v2'];
  const initial = graph.states.find((s) => s.kind === 'idle') ?? graph.states[0];
  if (initial) lines.push(`  [*] --> ${initial.id}`);
  lines.push(`  state "any active status" as ${ANY_ACTIVE}`);
  for (const e of condensedEdges(graph)) lines.push(`  ${e.from} --> ${e.to} : ${e.events.join(' / ')}`);
  for (const a of graph.anyState) lines.push(`  %% in any status: ${a.event}${a.guard ? ` [${a.guard}]` : ''}`);
  const classes: [StatusKind | 'group', string, string[]][] = [
    ['idle', 'fill:#eef,stroke:#669', []],
    ['paused', 'fill:#fee,stroke:#c66', []],
    ['terminal', 'fill:#efe,stroke:#393', []],
    ['group', 'fill:#fff,stroke:#999,stroke-dasharray:4 3', [ANY_ACTIVE]],
  ];
  for (const [kind, style, extra] of classes) {
    const ids = [...graph.states.filter((s) => s.kind === kind).map((s) => s.id as string), ...extra];
    if (ids.length === 0) continue;
    lines.push(`  classDef ${kind} ${style}`);
    lines.push(`  class ${ids.join(',')} ${kind}`);
  }
  return `${lines.join('\n')}\n`;
}
