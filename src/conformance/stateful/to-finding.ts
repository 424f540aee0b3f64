import { maskSecrets } from '../../core/index.js';
import type { StatefulFinding } from './options.js';
import type { RecordedFailure } from './session.js';

/** The one finding of a failed property: the first broken rule, the shrunk sequence as evidence, secrets masked. */
export function toFinding(failure: RecordedFailure, replay: StatefulFinding['replay']): StatefulFinding {
  const { mismatch, exchanges, steps } = failure;
  const mask = (text: string) => maskSecrets(text, failure.secrets);
  const last = exchanges[exchanges.length - 1];
  return {
    check: mismatch.check,
    severity: 'error',
    operation: last?.operation.id ?? 'stateful',
    title: mask(mismatch.title),
    expected: mask(mismatch.expected),
    received: mask(mismatch.received),
    key: mismatch.key,
    evidence: exchanges,
    replay,
    steps,
  };
}
