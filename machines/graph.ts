/**
 * The workflow machine as a graph, generated from its definition (issue #5, `cccc graph`; style.md habit 12:
 * the README's diagram comes from the machine, so it cannot drift). Pure: it walks `workflowMachine`'s state
 * nodes and their transition definitions; nothing is listed by hand.
 */
import { and, not, or } from 'xstate';
import { STATUS_TABLE, isStatus, type Status, type StatusKind } from './status-table.js';
import { workflowMachine } from './workflow.js';

/** A state of the graph: a status and its kind from the status table. */
export interface GraphState {
  id: Status;
  kind: StatusKind;
}

/**
 * One transition definition. `guard` is the guard as written in the machine (`gateIs(plan) && verdictPassed`),
 * absent when the transition is unguarded. A targetless transition (one that only updates the context) is
 * listed with `to === from`.
 */
export interface GraphTransition {
  from: Status;
  event: string;
  to: Status;
  guard?: string;
}

/**
 * The machine graph. `transitions` are ordered by source state (machine order), then event name; transitions
 * of one state and event keep the machine's order, which is their priority (the first enabled one wins).
 * `anyState` lists events the root accepts in every status without leaving it (e.g. `question.answered`).
 */
export interface MachineGraph {
  states: GraphState[];
  transitions: GraphTransition[];
  anyState: { event: string; guard?: string }[];
}

/** A transition definition as far as this module reads it (xstate's `TransitionDefinition`). */
interface TransitionView {
  target?: readonly { key: string }[] | undefined;
  guard?: unknown;
}

const AND_CHECK = (and([]) as unknown as { check: unknown }).check;
const OR_CHECK = (or([]) as unknown as { check: unknown }).check;
const NOT_CHECK = (not('x') as unknown as { check: unknown }).check;

/**
 * A readable label for an xstate guard: a named guard (`verdictPassed`), a parameterized one
 * (`gateIs(plan)`, parameter values in their order), or `and`/`or`/`not` of those. Inline functions show
 * as `ƒ` plus their name.
 */
export function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as { check?: unknown; guards?: unknown[]; name: string };
    const parts = (g.guards ?? []).map(guardLabel);
    if (g.check === AND_CHECK) return parts.join(' && ');
    if (g.check === OR_CHECK) return `(${parts.join(' || ')})`;
    if (g.check === NOT_CHECK) return `!${parts[0] ?? ''}`;
    return `ƒ${g.name}`;
  }
  if (guard !== null && typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: unknown };
    if (params === undefined || params === null) return type;
    const values = typeof params === 'object' ? Object.values(params as Record<string, unknown>) : [params];
    return `${type}(${values.map(String).join(', ')})`;
  }
  return String(guard);
}

/**
 * A guard that can never pass whatever the context and event: `resumeLeadsTo` from a status whose row in the
 * status table accepts no resume strategy (`decideResume` refuses every request there). Such definitions are
 * left out of the graph so it shows only moves that can happen.
 */
function neverPasses(guard: unknown): boolean {
  if (guard === null || typeof guard !== 'object' || !('type' in guard)) return false;
  const { type, params } = guard as { type: string; params?: { from?: unknown } };
  if (type !== 'resumeLeadsTo' || !isStatus(params?.from)) return false;
  return STATUS_TABLE[params.from].resume.length === 0;
}

function transitionsOf(node: { transitions: Map<string, readonly TransitionView[]> }) {
  return [...node.transitions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Walk `workflowMachine` and return its states and transitions. Identical edges (same from, event, to and
 * guard) are listed once. Deterministic: the same machine always yields the same graph.
 */
export function machineGraph(): MachineGraph {
  const root = workflowMachine.root as unknown as {
    states: Record<string, { key: string; transitions: Map<string, readonly TransitionView[]> }>;
    transitions: Map<string, readonly TransitionView[]>;
  };
  const nodes = Object.values(root.states).filter((n) => isStatus(n.key));
  const states: GraphState[] = nodes.map((n) => ({ id: n.key as Status, kind: STATUS_TABLE[n.key as Status].kind }));

  const seen = new Set<string>();
  const transitions: GraphTransition[] = [];
  for (const node of nodes) {
    const from = node.key as Status;
    for (const [event, defs] of transitionsOf(node)) {
      for (const def of defs) {
        if (neverPasses(def.guard)) continue;
        const guard = def.guard === undefined ? undefined : guardLabel(def.guard);
        const targets = def.target?.length ? def.target.map((t) => t.key) : [from];
        for (const to of targets) {
          if (!isStatus(to)) continue;
          const key = JSON.stringify([from, event, to, guard ?? null]);
          if (seen.has(key)) continue;
          seen.add(key);
          transitions.push(guard === undefined ? { from, event, to } : { from, event, to, guard });
        }
      }
    }
  }

  const anyState = transitionsOf(root).flatMap(([event, defs]) =>
    defs.map((def) => (def.guard === undefined ? { event } : { event, guard: guardLabel(def.guard) })),
  );
  return { states, transitions, anyState };
}

/**
 * Render a graph as a Mermaid `stateDiagram-v2` (README, `cccc graph --format mermaid`). Edges between the same
 * two states are drawn once (ordered by source, then target, in state order), labelled with their distinct
 * event names joined by ` / `; guards are left to `--format json`. Paused, idle and terminal states get a class each. Deterministic.
 */
export function toMermaid(graph: MachineGraph): string {
  const lines = ['stateDiagram-v2'];
  const initial = graph.states.find((s) => s.kind === 'idle') ?? graph.states[0];
  if (initial) lines.push(`  [*] --> ${initial.id}`);

  // One edge per (from, to), in state order, so the work flow reads top to bottom before the pause edges.
  const order = new Map(graph.states.map((s, i) => [s.id as string, i]));
  const edges = new Map<string, { from: string; to: string; events: string[] }>();
  for (const t of graph.transitions) {
    const key = `${t.from} --> ${t.to}`;
    const edge = edges.get(key) ?? { from: t.from, to: t.to, events: [] };
    if (!edge.events.includes(t.event)) edge.events.push(t.event);
    edges.set(key, edge);
  }
  const rank = (id: string) => order.get(id) ?? order.size;
  const sorted = [...edges.values()].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  for (const e of sorted) lines.push(`  ${e.from} --> ${e.to} : ${e.events.join(' / ')}`);
  for (const a of graph.anyState) lines.push(`  %% in any status: ${a.event}${a.guard ? ` [${a.guard}]` : ''}`);

  const classes: [StatusKind, string][] = [
    ['idle', 'fill:#eef,stroke:#669'],
    ['paused', 'fill:#fee,stroke:#c66'],
    ['terminal', 'fill:#efe,stroke:#393'],
  ];
  for (const [kind, style] of classes) {
    const ids = graph.states.filter((s) => s.kind === kind).map((s) => s.id);
    if (ids.length === 0) continue;
    lines.push(`  classDef ${kind} ${style}`);
    lines.push(`  class ${ids.join(',')} ${kind}`);
  }
  return `${lines.join('\n')}\n`;
}
