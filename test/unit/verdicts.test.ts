import { describe, expect, it } from 'vitest';
import type { GateName } from '../../machines/index.js';
import { parseVerdict, toVerdictFacts, PASS_STATUS } from '../../src/verdicts/index.js';

const question = { id: 'Q1', question: 'Which database?', options: [{ id: 'A', label: 'Keep SQLite' }, { id: 'B', label: 'Move to Postgres' }], recommended: 'A' };
const finding = { severity: 'P1', title: 'Missing test', evidence: 'no test for parse()', recommendation: 'add one', files: ['src/parse.ts'] };

/** A valid verdict of each gate, to mutate per case. */
const VALID: Record<GateName, Record<string, unknown>> = {
  plan: { status: 'approved', summary: 'ok', findings: [], required_changes: [], missing_context: [], human_questions: [], language: 'en' },
  milestone: { status: 'pass', summary: 'ok', findings: [], fix_plan: [], unmet_acceptance_criteria: [], human_questions: [], language: 'en' },
  final: { status: 'pass', summary: 'ok', findings: [], required_changes: [], residual_risks: [], human_questions: [], language: 'en' },
};

describe('parseVerdict', () => {
  it.each(['plan', 'milestone', 'final'] as const)('accepts a valid %s verdict with findings and questions', (gate) => {
    const text = JSON.stringify({ ...VALID[gate], findings: [finding], human_questions: [question] });
    const result = parseVerdict(gate, text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.verdict.status).toBe(PASS_STATUS[gate]);
  });

  it.each([
    ['empty text', 'plan', '', /verdict is empty/],
    ['whitespace', 'final', '  \n', /verdict is empty/],
    ['not JSON', 'milestone', 'Looks good to me!', /not JSON .*starts with: "Looks good to me!"/],
    ['a JSON array', 'plan', '[]', /\(root\): /],
    ['wrong status for the gate', 'plan', JSON.stringify({ ...VALID.plan, status: 'pass' }), /status: /],
    ['milestone status on the final gate', 'final', JSON.stringify({ ...VALID.final, status: 'sensitive_operation' }), /status: /],
    ['missing field', 'milestone', JSON.stringify({ ...VALID.milestone, fix_plan: undefined }), /fix_plan: /],
    ['unknown field', 'final', JSON.stringify({ ...VALID.final, extra: 1 }), /\(root\): Unrecognized key.*extra/],
    ['bad severity', 'plan', JSON.stringify({ ...VALID.plan, findings: [{ ...finding, severity: 'P5' }] }), /findings\[0\]\.severity: /],
    ['finding without files', 'plan', JSON.stringify({ ...VALID.plan, findings: [{ ...finding, files: undefined }] }), /findings\[0\]\.files: /],
    ['option id not a letter', 'plan', JSON.stringify({ ...VALID.plan, human_questions: [{ ...question, options: [{ id: '1', label: 'x' }, { id: 'B', label: 'y' }] }] }), /human_questions\[0\]\.options\[0\]\.id: option id must be one capital letter/],
    ['one option only', 'milestone', JSON.stringify({ ...VALID.milestone, human_questions: [{ ...question, options: [{ id: 'A', label: 'x' }] }] }), /human_questions\[0\]\.options: a question needs at least two options/],
    ['duplicate option ids', 'final', JSON.stringify({ ...VALID.final, human_questions: [{ ...question, options: [{ id: 'A', label: 'x' }, { id: 'A', label: 'y' }] }] }), /option ids must be distinct/],
    ['recommended not an option', 'plan', JSON.stringify({ ...VALID.plan, human_questions: [{ ...question, recommended: 'C' }] }), /human_questions\[0\]\.recommended: recommended "C" is not one of/],
    ['recommended missing (must be null, not absent)', 'plan', JSON.stringify({ ...VALID.plan, human_questions: [{ ...question, recommended: undefined }] }), /human_questions\[0\]\.recommended: /],
  ] as const)('rejects %s as invalid_output naming the field', (_name, gate, text, message) => {
    const result = parseVerdict(gate, text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('invalid_output');
      expect(result.message).toMatch(message);
    }
  });

  it('accepts a null recommended option', () => {
    const text = JSON.stringify({ ...VALID.plan, status: 'needs_human', human_questions: [{ ...question, recommended: null }] });
    expect(parseVerdict('plan', text).ok).toBe(true);
  });
});

describe('toVerdictFacts', () => {
  it('keeps status, summary, severity+title of findings and the questions', () => {
    const parsed = parseVerdict('milestone', JSON.stringify({ ...VALID.milestone, status: 'fail_fixable', summary: 'fix it', findings: [finding], human_questions: [question] }));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(toVerdictFacts(parsed.verdict)).toEqual({
      status: 'fail_fixable',
      summary: 'fix it',
      findings: [{ severity: 'P1', title: 'Missing test' }],
      humanQuestions: [question],
    });
  });
});
