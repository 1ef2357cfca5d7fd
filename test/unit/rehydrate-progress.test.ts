import { describe, expect, it } from 'vitest';
import { inferProgress } from '../../src/rehydrate/progress.js';
import { resetQuestion } from '../../src/rehydrate/question.js';
import { readArtifactFacts, type ReviewArtifact } from '../../src/rehydrate/reviews.js';
import { countOpenQuestions } from '../../src/rehydrate/evidence.js';
import { milestone } from '../helpers/events.js';

const art = (gate: ReviewArtifact['gate'], status: string | null, m: string | null = null, readable = true): ReviewArtifact => ({
  gate,
  file: `docs/cccc/reviews/${gate}/${m ?? gate}.json`,
  status,
  milestone: m,
  readable,
});
const PLAN = [milestone('M001'), milestone('M002'), milestone('M003')];

describe('review artifact facts', () => {
  it.each([
    ['cccc artifact', { verdict: { status: 'pass' }, record: { milestone: 'M002' } }, 'x.json', { status: 'pass', milestone: 'M002' }],
    ['bare verdict', { status: 'fail_fixable' }, 'M004-r2-20261121T000000Z.json', { status: 'fail_fixable', milestone: 'M004' }],
    ['original skill file', { verdict: 'pass', milestone_id: 'M001', review_time: 'x' }, 'review.json', { status: 'pass', milestone: 'M001' }],
    ['not an object', 'pass', 'odd.json', { status: null, milestone: null }],
  ])('%s', (_name, value, file, facts) => {
    expect(readArtifactFacts(value, 'milestone', file)).toEqual(facts);
  });
});

describe('inferProgress', () => {
  it.each([
    ['nothing reviewed', [], PLAN, { planApproved: false, passed: [], next: 'M001', position: 'CODEX_ADVERSARIAL_PLAN_REVIEW' }],
    ['no plan at all', [], [], { position: 'CLAUDE_PLANNING_REVIEW', next: null }],
    ['plan approved', [art('plan', 'approved')], PLAN, { planApproved: true, next: 'M001', position: 'IMPLEMENT_MILESTONE' }],
    ['the latest plan verdict decides', [art('plan', 'approved'), art('plan', 'rejected_fixable')], PLAN, { planApproved: false }],
    ['the latest milestone verdict decides', [art('plan', 'approved'), art('milestone', 'pass', 'M001'), art('milestone', 'fail_fixable', 'M001')], PLAN, { passed: [], next: 'M001' }],
    ['two passed', [art('plan', 'approved'), art('milestone', 'pass', 'M001'), art('milestone', 'pass', 'M002')], PLAN, { passed: ['M001', 'M002'], next: 'M003' }],
    ['all passed, final pending', [art('plan', 'approved'), ...['M001', 'M002', 'M003'].map((m) => art('milestone', 'pass', m))], PLAN, { next: null, position: 'CODEX_FINAL_REVIEW' }],
    ['finished', [art('plan', 'approved'), ...['M001', 'M002', 'M003'].map((m) => art('milestone', 'pass', m)), art('final', 'pass')], PLAN, { position: 'DONE', finalPassed: true }],
    ['evidence that does not fit', [art('milestone', 'pass', 'M009'), art('final', null, null, false)], PLAN, { unknownMilestones: ['M009'], unreadable: ['docs/cccc/reviews/final/final.json'] }],
  ])('%s', (_name, artifacts, plan, expected) => {
    expect(inferProgress(artifacts as ReviewArtifact[], plan)).toMatchObject(expected);
  });

  it('the reset question recommends dropping passed milestones, or resubmitting when none passed', () => {
    const some = resetQuestion(inferProgress([art('plan', 'approved'), art('milestone', 'pass', 'M001')], PLAN));
    expect(some).toMatchObject({ id: 'R1', recommended: 'B' });
    expect(some.options.map((o) => o.id)).toEqual(['A', 'B', 'C']);
    const none = resetQuestion(inferProgress([art('plan', 'approved')], PLAN));
    expect(none.recommended).toBe('A');
    expect(none.options.map((o) => o.id)).toEqual(['A', 'C']);
  });
});

describe('open questions in open-questions.md', () => {
  it.each([
    [null, 0],
    ['<!-- cccc:template -->\n| open | Q1 |', 0],
    ['| Status | ID |\n|---|---|\n| open | Q1 | … |\n| answered | Q2 |\n| OPEN | Q3 |', 2],
    ['- [ ] which database?\n- [x] done\n* [ ] auth?', 2],
  ])('%j → %i', (text, count) => {
    expect(countOpenQuestions(text)).toBe(count);
  });
});
