/**
 * The shipped templates (`docs-template/`, `commands-template/`) and the marker rules: the directories hold exactly
 * the listed files, front matter parses, aliases match their commands, and edits are detected.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import { COMMAND_TEMPLATE_FILES } from '../../src/setup/commands.js';
import { DOC_TEMPLATE_FILES } from '../../src/setup/docs.js';
import { commandContentHash, inspectGeneratedFile, isUnfilledTemplate, renderCommandTemplate } from '../../src/setup/markers.js';
import { packageRoot, packageVersion } from '../../src/workspace/package-root.js';

const root = packageRoot();
const docsDir = path.join(root, 'docs-template');
const commandsDir = path.join(root, 'commands-template');
const template = (name: string) => readFile(path.join(commandsDir, name), 'utf8');

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no front matter at byte 0');
  return parseYaml(match[1]!) as Record<string, unknown>;
}

describe('package root', () => {
  it('finds the package from the TS sources', async () => {
    expect(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).name).toBe('cc-codex-collaborate');
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('docs-template', () => {
  it('holds exactly the files setup copies, covering the guards’ discovery and planning docs', async () => {
    expect((await readdir(docsDir)).sort()).toEqual([...DOC_TEMPLATE_FILES].sort());
    for (const doc of [...DISCOVERY_DOCS, ...PLANNING_DOCS]) expect(DOC_TEMPLATE_FILES).toContain(doc);
  });

  it.each([...DISCOVERY_DOCS, ...PLANNING_DOCS, 'milestones.yaml'])('%s is an unfilled template until its marker is removed', async (name) => {
    const text = await readFile(path.join(docsDir, name), 'utf8');
    expect(isUnfilledTemplate(text)).toBe(true);
    expect(isUnfilledTemplate(text.split('\n').slice(1).join('\n'))).toBe(false);
  });

  it('milestones.yaml is a list of milestones with every field', async () => {
    const list = parseYaml(await readFile(path.join(docsDir, 'milestones.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    expect(Object.keys(list[0]!).sort()).toEqual(
      ['id', 'title', 'goal', 'scope', 'out_of_scope', 'acceptance_criteria', 'expected_files', 'required_tests', 'risk', 'depends_on'].sort(),
    );
    expect(list[0]).toMatchObject({ id: 'M001', risk: 'low', depends_on: [] });
  });
});

describe('commands-template', () => {
  it('holds exactly the eight command files', async () => {
    expect((await readdir(commandsDir)).sort()).toEqual([...COMMAND_TEMPLATE_FILES].sort());
  });

  it.each([...COMMAND_TEMPLATE_FILES])('%s: front matter at byte 0 with description and cccc-only allowed-tools', async (name) => {
    const text = await template(name);
    const fm = frontMatter(text);
    expect(typeof fm.description).toBe('string');
    const tools = String(fm['allowed-tools']).split(/,\s*/);
    expect(tools.length).toBeGreaterThan(0);
    for (const tool of tools) expect(tool).toMatch(/^Bash\(cccc[ :]/);
    expect(text).toContain(`template: ${name};`);
  });

  it.each([
    ['cccc.md', 'cc-codex-collaborate.md'],
    ['cccc-loop-start.md', 'cc-codex-collaborate-loop-start.md'],
    ['cccc-loop-status.md', 'cc-codex-collaborate-loop-status.md'],
    ['cccc-loop-stop.md', 'cc-codex-collaborate-loop-stop.md'],
  ])('alias %s has the same body as %s', async (alias, main) => {
    const strip = (text: string) => text.replace(/^description: .*$/m, '').replace(/^<!-- generated-by:.*$/m, '');
    expect(strip(await template(alias))).toBe(strip(await template(main)));
    expect(frontMatter(await template(alias)).description).toContain(`(alias of /${main.replace('.md', '')})`);
  });

  it('the router routes subcommands, starts tasks and states the hard rules', async () => {
    const text = await template('cc-codex-collaborate.md');
    for (const needle of ['$ARGUMENTS', 'cccc status --json', 'cccc start "', 'cccc next --json', 'cccc review', 'state.json', 'Other', '--session-id "${CLAUDE_SESSION_ID}"']) {
      expect(text).toContain(needle);
    }
    expect(await template('cc-codex-collaborate-loop-start.md')).toContain('cccc loop start --session-id "${CLAUDE_SESSION_ID}"');
  });
});

describe('command markers', () => {
  const sample = '---\ndescription: x\n---\n<!-- generated-by: cc-codex-collaborate; template: x.md; template-version: {{version}}; sha256: {{sha256}} -->\nbody\n';

  it('a rendered file is intact; any edit breaks it; CRLF checkouts stay intact', () => {
    const rendered = renderCommandTemplate(sample, '1.2.3');
    expect(rendered).not.toContain('{{');
    expect(inspectGeneratedFile(rendered)).toEqual({ generated: true, intact: true, templateVersion: '1.2.3' });
    expect(inspectGeneratedFile(rendered.replace('body', 'my body')).intact).toBe(false);
    expect(inspectGeneratedFile(rendered.replace(/\n/g, '\r\n')).intact).toBe(true);
    expect(inspectGeneratedFile('no marker\n')).toEqual({ generated: false, intact: false, templateVersion: null });
  });

  it('the hash ignores only the marker line', () => {
    expect(commandContentHash(renderCommandTemplate(sample, '1'))).toBe(commandContentHash(renderCommandTemplate(sample, '2')));
    expect(() => renderCommandTemplate('no marker', '1')).toThrow(/marker/);
  });
});
