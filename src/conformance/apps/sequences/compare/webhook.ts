import type { JudgeState } from '../judge-state.js';
import { show } from '../../../stateful/index.js';
import type { AppsMismatch } from '../checks.js';
import { isJsonObject, type JsonObject } from '../../../../core/index.js';

/**
 * A 202 against the oracle's: `accepted`, then `created_session` and `session_id` (the oracle
 * learned the target's session id only when it created one, so a shared session that the target
 * failed to reuse shows as a different id), and a "new" session must never be an old one.
 */
export function compareInvocation(state: JudgeState, expected: JsonObject, received: unknown, where: string): AppsMismatch[] {
  if (!isJsonObject(received) || received['accepted'] !== true) {
    return [
      {
        check: 'webhook_gating',
        title: `${where}: a 202 must say accepted: true`,
        expected: 'accepted: true',
        received: show(isJsonObject(received) ? received['accepted'] : received),
        key: 'body:accepted',
      },
    ];
  }
  const out: AppsMismatch[] = [];
  const sessionId = received['session_id'];
  if (received['created_session'] !== expected['created_session']) {
    out.push({
      check: 'session_reuse',
      title: expected['created_session']
        ? `${where}: this call should have created a session`
        : `${where}: a shared_session channel should reuse its session`,
      expected: `created_session: ${String(expected['created_session'])}`,
      received: `created_session: ${show(received['created_session'])}`,
      key: 'created_session',
    });
  } else if (sessionId !== expected['session_id']) {
    out.push({
      check: 'session_reuse',
      title: `${where}: the shared session should keep its session_id`,
      expected: show(expected['session_id']),
      received: show(sessionId),
      key: 'session_id',
    });
  } else if (received['created_session'] === true && typeof sessionId === 'string' && state.sessions.has(sessionId)) {
    out.push({
      check: 'session_reuse',
      title: `${where}: a new session reuses an old session_id`,
      expected: 'a session_id never seen before',
      received: show(sessionId),
      key: 'session_id:recycled',
    });
  }
  if (typeof sessionId === 'string') state.sessions.add(sessionId);
  return out;
}
