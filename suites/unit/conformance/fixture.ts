import type { CheckContext } from '../../../src/conformance/checks/check.js';
import type { ProblemRule } from '../../../src/conformance/checks/problem-rule.js';
import type { Exchange, RequestKind } from '../../../src/conformance/findings/exchange.js';
import type { LoadedSpec, Operation } from '../../../src/openapi/index.js';
import { SpecValidator } from '../../../src/validation/index.js';
import { loadAppsSpec } from '../../helpers/serve.js';

let validator: SpecValidator | undefined;

/** The Apps document, an operation of it and a validator, shared by the check tests. */
export async function apps(): Promise<{ spec: LoadedSpec; validator: SpecValidator; op(id: string): Operation }> {
  const spec = await loadAppsSpec();
  validator ??= new SpecValidator(spec);
  return {
    spec,
    validator,
    op: (id) => {
      const found = spec.operations.find((operation) => operation.id === id);
      if (!found) throw new Error(`no operation ${id}`);
      return found;
    },
  };
}

/** A hand-built exchange: JSON bodies are serialised and parsed like the runner would. */
export function exchange(
  operation: Operation,
  response: { status: number; headers?: Record<string, string>; json?: unknown; text?: string },
  generatedAs: RequestKind = { kind: 'positive' },
): Exchange {
  const headers = { ...(response.json !== undefined ? { 'content-type': 'application/json' } : {}), ...(response.headers ?? {}) };
  const body = Buffer.from(response.json !== undefined ? JSON.stringify(response.json) : (response.text ?? ''));
  let json: unknown;
  let parseError: string | undefined;
  if (body.length > 0 && /json/.test(headers['content-type'] ?? '')) {
    try {
      json = JSON.parse(body.toString());
    } catch (error) {
      parseError = (error as Error).message;
    }
  }
  const url = `http://127.0.0.1:1${operation.path}`;
  return {
    operation,
    request: { method: operation.method, url, path: operation.path, query: '', headers: { authorization: 'Bearer sekrit-key-123' } },
    response: { status: response.status, headers, body },
    ...(json !== undefined ? { json } : {}),
    ...(parseError !== undefined ? { parseError } : {}),
    generatedAs,
    elapsedMs: 1,
  };
}

/** A check context whose follow-up requests are answered by `answer`. */
export async function context(options: { secrets?: string[]; answer?: CheckContext['send']; problemRules?: ProblemRule[] } = {}): Promise<CheckContext> {
  const { spec, validator: v } = await apps();
  return {
    spec,
    validator: v,
    secrets: options.secrets ?? [],
    apiKeyConfigured: false,
    problemRules: options.problemRules ?? [],
    target: 'http://127.0.0.1:1',
    send: options.answer ?? (async () => ({ status: 404, headers: {}, body: Buffer.alloc(0) })),
  };
}

/** A valid app as the mock would answer it. */
export function app(id = 'app_0193a3b5c0de70008000000000000001'): Record<string, unknown> {
  return {
    id,
    name: 'Support Bot',
    description: null,
    harness_id: 'harness_0193a3b5c0de70008000000000000001',
    owner_principal_id: 'principal_0193a3b5c0de70008000000000000001',
    status: 'draft',
    channels: [],
    created_at: '2025-01-15T09:30:00Z',
    updated_at: '2025-01-15T09:30:00Z',
    self_url: `http://127.0.0.1:1/v1/apps/${id}`,
    view_url: `https://app.everruns.com/apps/${id}`,
    ui_link: `https://app.everruns.com/apps/${id}`,
  };
}

/** A problem body for `status`. */
export function problem(status: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'https://docs.everruns.com/errors/x', title: 'Some Title', status, detail: 'details', ...extra };
}
