import type { JournalEntry, RequestFilter } from '../mock/index.js';

/** How many matching requests `verify()` expects: exactly N, or a range. */
export type ExpectedCount = number | { atLeast?: number; atMost?: number };

/** Thrown by `verify()` when the journal does not hold the expected requests; test runners report it as a failed assertion. */
export class RequestVerificationError extends Error {
  override readonly name = 'RequestVerificationError';

  constructor(
    message: string,
    /** The entries that matched the filter. */
    readonly matched: readonly JournalEntry[],
  ) {
    super(message);
  }
}

/**
 * Checks that the journal holds the expected number of requests matching `filter` (WireMock's
 * `verify`), by default at least one, and returns them; otherwise throws a
 * RequestVerificationError listing what the journal does hold.
 */
export function verifyRequests(
  journal: readonly JournalEntry[],
  matched: readonly JournalEntry[],
  filter: RequestFilter,
  expected: ExpectedCount = { atLeast: 1 },
): JournalEntry[] {
  const { atLeast, atMost } = typeof expected === 'number' ? { atLeast: expected, atMost: expected } : expected;
  if ((atLeast === undefined || matched.length >= atLeast) && (atMost === undefined || matched.length <= atMost)) return [...matched];
  const wanted =
    typeof expected === 'number'
      ? `exactly ${expected}`
      : [atLeast !== undefined && `at least ${atLeast}`, atMost !== undefined && `at most ${atMost}`].filter(Boolean).join(' and ');
  const held = journal.length === 0 ? 'the journal is empty' : `the journal holds:\n${journal.map(describe).join('\n')}`;
  throw new RequestVerificationError(
    `expected ${wanted} request${wanted.endsWith(' 1') ? '' : 's'} matching ${JSON.stringify(filter)}, received ${matched.length}; ${held}`,
    matched,
  );
}

function describe(entry: JournalEntry): string {
  return `  #${entry.id} ${entry.method} ${entry.path}${entry.query ? `?${entry.query}` : ''} → ${entry.status || 'reset'}${entry.operation ? ` (${entry.operation})` : ''}`;
}
