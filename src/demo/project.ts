/**
 * The throwaway project `cccc demo` creates and the work it does in Claude's place (issue #7): a tiny real
 * program (`greet(name)` with a `node --test` test), the discovery and planning docs, a two-milestone
 * `milestones.yaml`, each milestone's code, and the fix of the one round the simulated reviewer fails (M001 is
 * submitted without trimming the name; its own test catches that). Every doc and self-review is labelled
 * SIMULATION. Pure data: no I/O.
 */
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import type { Milestone, SelfReview } from '../../machines/types.js';
import { SIMULATION_LABEL } from './marker.js';

/** The task the demo starts. */
export const DEMO_TASK = 'Add farewell(name) and shout(name) next to greet(name), each with tests';

/** Repo-relative path → content. */
export type RepoFiles = Record<string, string>;

const BANNER = `> ${SIMULATION_LABEL} Written by \`cccc demo\`, which plays Claude's part; the reviewer of this repository is a simulation, not Codex.`;

/** The program committed before cccc is set up. */
export const DEMO_PROGRAM: RepoFiles = {
  'package.json': `${JSON.stringify({ name: 'cccc-demo-greet', version: '1.0.0', private: true, type: 'module', scripts: { test: 'node --test' } }, null, 2)}\n`,
  'README.md': `# cccc demo — greet\n\n${BANNER}\n\nA tiny module: \`greet(name)\` in src/greet.js, tested with \`node --test\`.\n`,
  'src/greet.js': "/** Greets someone by name. */\nexport function greet(name) {\n  return `Hello, ${name}!`;\n}\n",
  'test/greet.test.js': testFile('greet', [["greet('Ada') says hello", "greet('Ada')", 'Hello, Ada!']]),
};

const DISCOVERY_TEXT: Record<(typeof DISCOVERY_DOCS)[number], string> = {
  'project-map.md': 'src/greet.js exports greet(name). test/greet.test.js tests it. package.json: `npm test` = `node --test`.',
  'current-state.md': 'greet(name) works and is tested; nothing else exists yet. The working tree is clean.',
  'architecture.md': 'One ES module per function under src/, one node:test file per module under test/. No dependencies.',
  'test-strategy.md': 'Every function gets a node:test file in test/; `node --test` runs them all. The reviewer runs it at every gate.',
  'risk-register.md': 'Low risk: pure string functions, no I/O. Risk: whitespace in names (untrimmed input).',
  'open-questions.md': 'None: the task is fully specified.',
};

/** Discovery docs (`docs/cccc/<name>`), filled as Claude would after reading the project. */
export function discoveryDocs(): RepoFiles {
  return Object.fromEntries(DISCOVERY_DOCS.map((name) => [`docs/cccc/${name}`, doc(name, DISCOVERY_TEXT[name])]));
}

/** The two milestones: farewell (M001), then shout (M002). */
export const DEMO_MILESTONES: readonly Milestone[] = [
  {
    id: 'M001',
    title: 'Add farewell(name)',
    goal: "farewell('Ada') returns 'Goodbye, Ada!', with surrounding whitespace trimmed from the name.",
    scope: ['src/farewell.js', 'test/farewell.test.js'],
    out_of_scope: ['greet(name)'],
    acceptance_criteria: ["farewell('Ada') returns 'Goodbye, Ada!'", "farewell('  Ada ') returns 'Goodbye, Ada!' (the name is trimmed)", 'node --test passes'],
    expected_files: ['src/farewell.js', 'test/farewell.test.js'],
    required_tests: ['node --test'],
    risk: 'low',
    depends_on: [],
  },
  {
    id: 'M002',
    title: 'Add shout(name)',
    goal: "shout('Ada') returns 'HELLO, ADA!'.",
    scope: ['src/shout.js', 'test/shout.test.js'],
    out_of_scope: ['greet(name)', 'farewell(name)'],
    acceptance_criteria: ["shout('Ada') returns 'HELLO, ADA!'", 'node --test passes'],
    expected_files: ['src/shout.js', 'test/shout.test.js'],
    required_tests: ['node --test'],
    risk: 'low',
    depends_on: ['M001'],
  },
];

const PLANNING_TEXT: Record<(typeof PLANNING_DOCS)[number], string> = {
  'project-brief.md': `Task: ${DEMO_TASK}. Done when both functions exist, are tested, and \`node --test\` passes.`,
  'roadmap.md': 'M001 farewell(name) (trims the name), then M002 shout(name). Each milestone adds one module and its test.',
};

/** Planning docs (`docs/cccc/<name>`). `milestones.yaml` is written separately from {@link DEMO_MILESTONES}. */
export function planningDocs(): RepoFiles {
  return Object.fromEntries(PLANNING_DOCS.map((name) => [`docs/cccc/${name}`, doc(name, PLANNING_TEXT[name])]));
}

/** M001 as first submitted: farewell does NOT trim, so its own trimming test fails (the demo's fix round). */
export const M001_FIRST_TRY: RepoFiles = {
  'src/farewell.js': "/** Says goodbye to someone by name. */\nexport function farewell(name) {\n  return `Goodbye, ${name}!`;\n}\n",
  'test/farewell.test.js': testFile('farewell', [
    ["farewell('Ada') says goodbye", "farewell('Ada')", 'Goodbye, Ada!'],
    ['farewell trims the name', "farewell('  Ada ')", 'Goodbye, Ada!'],
  ]),
};

/** The fix after the simulated reviewer's P1 finding. */
export const M001_FIX: RepoFiles = {
  'src/farewell.js': "/** Says goodbye to someone by name (surrounding whitespace trimmed). */\nexport function farewell(name) {\n  return `Goodbye, ${name.trim()}!`;\n}\n",
};

/** M002. */
export const M002_CHANGE: RepoFiles = {
  'src/shout.js': "/** Greets someone loudly. */\nexport function shout(name) {\n  return `HELLO, ${name.toUpperCase()}!`;\n}\n",
  'test/shout.test.js': testFile('shout', [["shout('Ada') shouts", "shout('Ada')", 'HELLO, ADA!']]),
};

/** A self-review "Claude" submits, labelled SIMULATION. */
export function demoSelfReview(summary: string): SelfReview {
  return { verdict: 'ok', summary: `${SIMULATION_LABEL} cccc demo plays Claude: ${summary}`, concerns: [], questions: [] };
}

function doc(name: string, body: string): string {
  return `# ${name.replace(/\.md$/, '')}\n\n${BANNER}\n\n${body}\n`;
}

/** A node:test file for `fn` with one `assert.equal(call, expected)` test per row. */
function testFile(fn: string, rows: [title: string, call: string, expected: string][]): string {
  const tests = rows.map(([title, call, expected]) => `test(${JSON.stringify(title)}, () => {\n  assert.equal(${call}, ${JSON.stringify(expected)});\n});\n`);
  return `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { ${fn} } from '../src/${fn}.js';\n\n${tests.join('\n')}`;
}
