import { describe, expect, it } from 'vitest';
import { applyEvent, initialSnapshot, replay, statusOfSnapshot } from '../../machines/index.js';
import { ev, filledDocs, milestone, selfReview, verdictEvent } from '../helpers/events.js';

describe('workflow machine happy path', () => {
  it('walks from setup to DONE with two milestones and one fix round', () => {
    const events = [
      ev('task.started', { task: 'add rate limiting' }),
      ev('discovery.submitted', { docs: filledDocs() }),
      ev('plan.submitted', { selfReview: selfReview('ok'), milestones: [milestone('M001'), milestone('M002')], milestoneErrors: [] }),
      verdictEvent('plan', 'approved'),
      ev('milestone.submitted', { selfReview: selfReview('ok'), diffStat: { lines: 10, files: 1 } }),
      verdictEvent('milestone', 'fail_fixable', [{ severity: 'P1', title: 'bug' }]),
      ev('fix.submitted', { selfReview: selfReview('ok') }),
      verdictEvent('milestone', 'pass'),
      ev('milestone.submitted', { selfReview: selfReview('ok'), diffStat: { lines: 10, files: 1 } }),
      verdictEvent('milestone', 'pass'),
      verdictEvent('final', 'pass'),
    ];
    const statuses: string[] = [];
    let s = initialSnapshot();
    for (const e of events) {
      const r = applyEvent(s, e);
      expect(r.changed, `${e.type} in ${statusOfSnapshot(s)}`).toBe(true);
      s = r.snapshot;
      statuses.push(statusOfSnapshot(s));
    }
    expect(statuses).toEqual([
      'DISCOVER_EXISTING_PROJECT',
      'CLAUDE_PLANNING_REVIEW',
      'CODEX_ADVERSARIAL_PLAN_REVIEW',
      'IMPLEMENT_MILESTONE',
      'CODEX_MILESTONE_REVIEW',
      'CLAUDE_FIX',
      'CODEX_MILESTONE_REVIEW',
      'IMPLEMENT_MILESTONE',
      'CODEX_MILESTONE_REVIEW',
      'CODEX_FINAL_REVIEW',
      'DONE',
    ]);
    expect(s.context.outcomes.map((o) => o.id)).toEqual(['M001', 'M002']);
    expect(s.context.gates).toHaveLength(5);
    expect(replay(events).refusedAt).toBeNull();
  });

  it('pauses and resumes', () => {
    let s = replay([ev('task.started', { task: 't' })]).snapshot;
    s = applyEvent(s, ev('pause.requested', { kind: 'secret', reason: 'needs API key' })).snapshot;
    expect(statusOfSnapshot(s)).toBe('NEEDS_SECRET');
    const refused = applyEvent(s, ev('resume', { strategy: 'recommended', confirm: false, reason: null }));
    expect(refused.changed).toBe(false);
    const ok = applyEvent(s, ev('resume', { strategy: 'recommended', confirm: true, reason: null }));
    expect(statusOfSnapshot(ok.snapshot)).toBe('DISCOVER_EXISTING_PROJECT');
  });
});
