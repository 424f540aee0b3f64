import type { StatefulFinding } from './options.js';
import type { RecordedFailure } from './session.js';

/** The one finding of a failed property: the first broken rule, the shrunk sequence as evidence, secrets masked. */
export function toFinding(failure: RecordedFailure, replay: StatefulFinding['replay']): StatefulFinding {
  const { mismatch, exchanges, steps } = failure;
  const secrets = failure.secrets.filter((secret) => secret.length > 0);
  const mask = (text: string) => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
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
