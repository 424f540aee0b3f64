import { findResponse, type Operation } from '../../openapi/index.js';
import type { Exchange } from '../findings/exchange.js';
import { declaredStatuses, findingOf, type Finding } from '../findings/finding.js';
import type { Check } from './check.js';

const NAME = 'status_code_conformance';

/**
 * Every status the target answers must be declared for the operation (exact code, range or
 * default). Where the document declares no status at all for what happened — rejecting invalid
 * input or credentials, a success, a resource the target never handed out — the answer is the
 * ordinary one and the gap is the document's: one document warning per gap, whatever the operation.
 */
export const statusCodeConformance: Check = {
  name: NAME,
  description: 'the response status is declared for the operation',
  run(exchange) {
    const { status } = exchange.response;
    if (findResponse(exchange.operation, status)) return [];
    return [documentGap(exchange) ?? undeclared(exchange)];
  },
};

function undeclared(exchange: Exchange): Finding {
  const { status } = exchange.response;
  return findingOf(NAME, exchange, {
    title: `Undeclared status ${status}`,
    expected: `one of the declared statuses: ${declaredStatuses(exchange)}`,
    received: String(status),
    key: `status:${status}`,
  });
}

function documentGap(exchange: Exchange): Finding | undefined {
  const { operation, generatedAs, response } = exchange;
  const { status } = response;
  const gap = (key: string, title: string, expected: string, why: string) =>
    findingOf(NAME, exchange, {
      title,
      expected,
      received: `${status} ${why}; the operation declares ${declaredStatuses(exchange)}`,
      key,
      severity: 'warning',
      scope: 'api',
    });
  const clientError = status >= 400 && status < 500;
  if (clientError && generatedAs.kind === 'negative' && !declaresAny(operation, ['400', '422'])) {
    return gap(
      'no-rejection-status',
      'No status declared for rejecting invalid input',
      'a 400, 422 or 4XX response declared for invalid input',
      `for invalid input (${generatedAs.description})`,
    );
  }
  if (clientError && generatedAs.kind === 'auth' && !declaresAny(operation, ['401', '403'])) {
    return gap(
      'no-auth-status',
      'No status declared for refusing credentials',
      'a 401, 403 or 4XX response declared for missing or wrong credentials',
      `for ${generatedAs.variant}`,
    );
  }
  if (status === 404 && (exchange.unknownIds?.length ?? 0) > 0 && !declaresAny(operation, ['404'])) {
    return gap(
      'no-not-found-status',
      'No status declared for a resource that does not exist',
      'a 404 or 4XX response declared for an unknown id',
      `for ${exchange.unknownIds!.join(', ')} naming nothing the target holds`,
    );
  }
  if (status >= 200 && status < 300 && !operation.responses.some((declared) => /^2(\d\d|XX)$/i.test(declared.key))) {
    return gap('no-success-status', 'No success status declared', 'a 2xx response declared for the operation', 'on success');
  }
  return undefined;
}

/** True when one of `statuses`, their range, or a 4XX range is declared. */
function declaresAny(operation: Operation, statuses: readonly string[]): boolean {
  return operation.responses.some((declared) => statuses.includes(declared.key) || declared.key.toUpperCase() === '4XX');
}
