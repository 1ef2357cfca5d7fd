/**
 * `cccc graph` (issue #5): output generated from the machine and deterministic; the condensed view collapses
 * only complete fans and keeps every other transition; and the README's diagram is the generated one (this
 * test fails when the machine changed and `node dist/src/bin.js graph --readme` was not run).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineGraph, toMermaid, type MachineGraph } from '../../machines/graph.js';
import { STATUS_TABLE } from '../../machines/status-table.js';
import { formatGraph, readmeMermaid, runGraph } from '../../src/commands/graph.js';
import { ANY_ACTIVE, condensedEdges, toCondensedMermaid } from '../../src/graph/condensed.js';
import { GRAPH_END, GRAPH_START, currentGraphBlock, readmeGraphBlock, replaceGraphBlock, writeReadmeGraph } from '../../src/graph/readme.js';
import { packageRoot } from '../../src/workspace/package-root.js';
import { tempDir } from '../helpers/tmp.js';

const graph = machineGraph();

describe('cccc graph', () => {
  it('is deterministic in every format', async () => {
    expect(await runGraph({})).toEqual(await runGraph({}));
    expect(await runGraph({ condensed: true })).toEqual(await runGraph({ condensed: true }));
    const json = await runGraph({ format: 'json' });
    expect(json).toEqual({ kind: 'json', graph });
    expect(JSON.parse(formatGraph(json))).toEqual(JSON.parse(JSON.stringify(graph)));
    expect(formatGraph(await runGraph({}))).toBe(toMermaid(graph));
    await expect(runGraph({ format: 'dot' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('condensed: each pause is entered from ANY_ACTIVE by pause.requested and left by resume with its strategies', () => {
    const text = toCondensedMermaid(graph);
    expect(text.startsWith('stateDiagram-v2\n  [*] --> SETUP_COMPLETE\n')).toBe(true);
    for (const s of graph.states.filter((x) => x.kind === 'paused')) {
      expect(text).toMatch(new RegExp(`^  ${ANY_ACTIVE} --> ${s.id} : .*pause\\.requested`, 'm'));
      expect(text).toContain(`  ${s.id} --> ${ANY_ACTIVE} : resume ${STATUS_TABLE[s.id].resume.join(' | ')}`);
    }
    expect(text).not.toMatch(/^ {2}(?!ANY_ACTIVE)\S+ --> \S+ : .*pause\.requested/m);
    expect(text.split('\n').length).toBeLessThan(toMermaid(graph).split('\n').length / 2);
  });

  it('condensed: every transition of the machine is drawn, directly or through ANY_ACTIVE', () => {
    const edges = condensedEdges(graph);
    const drawn = (from: string, to: string, event: string) => edges.some((e) => e.from === from && e.to === to && e.events.some((x) => x === event || x.startsWith(`${event} `)));
    const active = new Set(graph.states.filter((s) => s.kind === 'active').map((s) => s.id as string));
    for (const t of graph.transitions) {
      const direct = drawn(t.from, t.to, t.event);
      const viaFan =
        (active.has(t.from) && drawn(ANY_ACTIVE, t.to, t.event)) ||
        (active.has(t.to) && drawn(t.from, ANY_ACTIVE, t.event)) ||
        (active.has(t.from) && t.from === t.to && drawn(ANY_ACTIVE, ANY_ACTIVE, t.event));
      expect(direct || viaFan, `${t.from} --${t.event}--> ${t.to}`).toBe(true);
    }
  });

  it('condensed: an incomplete fan is not collapsed', () => {
    const small: MachineGraph = {
      states: [
        { id: 'IMPLEMENT_MILESTONE', kind: 'active' },
        { id: 'CLAUDE_FIX', kind: 'active' },
        { id: 'PAUSED_FOR_HUMAN', kind: 'paused' },
        { id: 'UNSAFE', kind: 'paused' },
      ],
      transitions: [
        { from: 'IMPLEMENT_MILESTONE', event: 'pause.requested', to: 'PAUSED_FOR_HUMAN' },
        { from: 'CLAUDE_FIX', event: 'pause.requested', to: 'PAUSED_FOR_HUMAN' },
        { from: 'IMPLEMENT_MILESTONE', event: 'pause.requested', to: 'UNSAFE' },
        { from: 'UNSAFE', event: 'resume', to: 'CLAUDE_FIX' },
      ],
      anyState: [],
    };
    expect(condensedEdges(small).map((e) => `${e.from}>${e.to}:${e.events.join('/')}`)).toEqual([
      'IMPLEMENT_MILESTONE>UNSAFE:pause.requested',
      'UNSAFE>CLAUDE_FIX:resume',
      'ANY_ACTIVE>PAUSED_FOR_HUMAN:pause.requested',
    ]);
  });

  it('README.md holds the generated diagram (run `node dist/src/bin.js graph --readme` after changing the machine)', () => {
    const readme = readFileSync(path.join(packageRoot(), 'README.md'), 'utf8');
    expect(currentGraphBlock(readme), 'README.md has no cccc:graph block').not.toBeNull();
    expect(currentGraphBlock(readme), 'README diagram is out of date: run `node dist/src/bin.js graph --readme`').toBe(readmeGraphBlock(readmeMermaid()));
  });

  it('--readme rewrites only the block between the markers, once', async () => {
    const file = path.join(tempDir(), 'README.md');
    writeFileSync(file, `# Title\n\nintro\n\n${GRAPH_START}\nold\n${GRAPH_END}\n\n## After\n`);
    expect(await runGraph({ readme: true, readmeFile: file })).toEqual({ kind: 'readme', file, changed: true });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Title\n\nintro\n\n<!-- cccc:graph:start -->\n')).toBe(true);
    expect(text.endsWith('<!-- cccc:graph:end -->\n\n## After\n')).toBe(true);
    expect(text).toContain(`\`\`\`mermaid\n${readmeMermaid()}\`\`\`\n`);
    expect(await writeReadmeGraph(file, readmeMermaid())).toBe(false);
    expect(formatGraph({ kind: 'readme', file, changed: false })).toBe(`The machine diagram in ${file} is already current.`);
    expect(() => replaceGraphBlock('# no markers\n', 'x')).toThrow(/README\.md has no <!-- cccc:graph:start -->/);
    await expect(runGraph({ readme: true, readmeFile: path.join(tempDir(), 'missing.md') })).rejects.toMatchObject({ code: 'README_MISSING' });
  });
});
