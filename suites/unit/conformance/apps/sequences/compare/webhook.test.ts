import { describe, expect, it } from 'vitest';
import { compareInvocation } from '../../../../../../src/conformance/apps/sequences/compare/webhook.js';
import { JudgeState } from '../../../../../../src/conformance/apps/sequences/judge-state.js';

const S1 = `session_${'1'.repeat(32)}`;
const S2 = `session_${'2'.repeat(32)}`;

describe('compareInvocation', () => {
  it('accepts what the oracle predicts and remembers the session', () => {
    const state = new JudgeState();
    const body = { accepted: true, created_session: true, session_id: S1 };
    expect(compareInvocation(state, body, body, 'invoke_webhook')).toEqual([]);
    expect(state.sessions.has(S1)).toBe(true);
  });

  it('reports a shared session that was not reused, a changed id and a recycled one', () => {
    const keys = (state: JudgeState, expected: Record<string, unknown>, received: object) => compareInvocation(state, expected, received, 'invoke_webhook').map((m) => `${m.check}:${m.key}`);
    expect(keys(new JudgeState(), { accepted: true, created_session: false, session_id: S1 }, { accepted: true, created_session: true, session_id: S2 })).toEqual(['session_reuse:created_session']);
    expect(keys(new JudgeState(), { accepted: true, created_session: false, session_id: S1 }, { accepted: true, created_session: false, session_id: S2 })).toEqual(['session_reuse:session_id']);
    const seen = new JudgeState();
    seen.sessions.add(S1);
    expect(keys(seen, { accepted: true, created_session: true, session_id: S1 }, { accepted: true, created_session: true, session_id: S1 })).toEqual(['session_reuse:session_id:recycled']);
    expect(keys(new JudgeState(), { accepted: true, created_session: true, session_id: S1 }, { accepted: false })).toEqual(['webhook_gating:body:accepted']);
  });
});
