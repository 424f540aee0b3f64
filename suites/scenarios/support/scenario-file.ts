import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';

/** One HTTP request of a step; strings may hold `{{name}}` variables. */
export interface StepRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** A JSON body (sent as application/json unless a content-type header says otherwise). */
  body?: unknown;
  /** A body sent byte for byte, for malformed JSON or non-JSON payloads. */
  rawBody?: string;
}

/** What the response must look like. */
export interface StepExpectation {
  status: number;
  /** The media type without parameters. */
  contentType?: string;
  /** Header name (any case) → literal or marker. */
  headers?: Record<string, unknown>;
  /** Subset match, see match-subset.ts. */
  body?: unknown;
}

export interface Step {
  name: string;
  /** Wait this long before sending, so the clock visibly moves between two writes. */
  delayMs?: number;
  request: StepRequest;
  expect: StepExpectation;
  /** Variable name → JSON pointer into the response body. */
  capture?: Record<string, string>;
}

export interface Scenario {
  name: string;
  /** Overrides of the file's env for this scenario only. */
  env?: Record<string, number>;
  steps: Step[];
}

/** A parsed `*.scenario.yaml` file. */
export interface ScenarioFile {
  file: string;
  title: string;
  /** Overrides handed to serveApps() (e.g. runDurationMs). */
  env?: Record<string, number>;
  /** An inline OpenAPI document: the file's scenarios then run against a stateless mock of it. */
  spec?: Record<string, unknown>;
  /**
   * `platform`: the scenarios run against the mock of the platform's own document, served as
   * `mock --spec` serves it (the Apps layer on its Apps routes, the inferred resources on the rest).
   */
  document?: 'platform';
  /** The media types an error may come in (default problem+json only): what the served document declares for its errors. */
  errorMediaTypes?: string[];
  /** Extra strings that must never appear in any response of the file. */
  secrets?: string[];
  scenarios: Scenario[];
}

/** Reads every `*.scenario.yaml` in `dir`, sorted by name, failing loudly on a malformed file. */
export function loadScenarioFiles(dir: string): ScenarioFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.scenario.yaml'))
    .sort()
    .map((name) => parseScenarioFile(join(dir, name)));
}

function parseScenarioFile(path: string): ScenarioFile {
  const parsed = load(readFileSync(path, 'utf8')) as Partial<ScenarioFile> | null;
  const file = basename(path);
  if (!parsed || typeof parsed.title !== 'string' || !Array.isArray(parsed.scenarios) || parsed.scenarios.length === 0) {
    throw new Error(`${file}: expected {title, scenarios: [...]}`);
  }
  for (const scenario of parsed.scenarios) {
    if (typeof scenario.name !== 'string' || !Array.isArray(scenario.steps) || scenario.steps.length === 0) {
      throw new Error(`${file}: every scenario needs a name and at least one step`);
    }
    for (const step of scenario.steps) {
      if (typeof step.name !== 'string' || !step.request?.method || !step.request.path || typeof step.expect?.status !== 'number') {
        throw new Error(`${file} / ${scenario.name}: every step needs name, request.method, request.path and expect.status`);
      }
    }
  }
  return { ...(parsed as ScenarioFile), file };
}

const VARIABLE = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/**
 * Replaces `{{name}}` variables inside strings, recursively. A string that is exactly one variable
 * becomes the captured value itself, so numbers and booleans keep their type. `{{ spaced.paths }}`
 * (webhook message templates) never match and pass through untouched.
 */
export function substitute(value: unknown, variables: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}$/.exec(value);
    if (whole) return lookup(whole[1]!, variables);
    return value.replace(VARIABLE, (_, name: string) => String(lookup(name, variables)));
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, variables));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, variables)]));
  }
  return value;
}

function lookup(name: string, variables: ReadonlyMap<string, unknown>): unknown {
  if (!variables.has(name)) throw new Error(`variable {{${name}}} is used before it is captured`);
  return variables.get(name);
}
