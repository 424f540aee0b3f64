import { UpstreamError } from '../core/index.js';
import type { ConformanceOptions, ConformancePlugin, ReportedFinding, RunEvent, RunSummary } from '../conformance/index.js';
import { startRecorder } from './recorder.js';
import { resolveSpec, type SpecInput } from './resolve-spec.js';

// The runner (and fast-check) load when a run starts: a mock started through the library never loads them.
const runner = () => import('../conformance/index.js');

/**
 * The plug-ins every run is handed: the Apps rules for the Apps routes, the inferred resources'
 * sequences for the rest; each engages only for the documents it applies to.
 */
export async function defaultPlugins(): Promise<readonly ConformancePlugin[]> {
  const { APPS_PLUGIN, resourcesPlugin } = await runner();
  return [APPS_PLUGIN, resourcesPlugin([APPS_PLUGIN])];
}

/** Options of `runConformance()`; every one has a `conform` flag of the same meaning (README: "The library"). */
export interface RunConformanceOptions extends Omit<ConformanceOptions, 'spec' | 'plugins'> {
  /** A path or http(s) URL of the document, or a `loadSpec()` result; default the bundled Apps API. */
  spec?: SpecInput;
  /** Default: the Apps plug-in (for the Apps routes) and the inferred resources' plug-in (for the rest). */
  plugins?: readonly ConformancePlugin[];
  /** Append every exchange the run carries to this HAR file (secrets redacted); its folder is created. */
  record?: string;
}

/** What a run found, as the CLI reports it. */
export interface ConformanceResult {
  summary: RunSummary;
  /** The findings, grouped by cause, in the order they were found (also `summary.findings`): errors, document warnings and waived ones alike. */
  findings: ReportedFinding[];
  /** The operationIds the run generated requests for. */
  operations: string[];
  /** True when the gate passed: no finding of the failing severity that no waiver accepts, and the run was not interrupted. */
  passed: boolean;
  /** The CLI's exit code for this run: 0 the gate passed, 1 a finding fails it, 2 interrupted before it could decide. */
  exitCode: 0 | 1 | 2;
  /** The JUnit XML report `--junit` writes (secrets masked). */
  junit(): string;
  /** The JSON report `--json` writes (secrets masked). */
  json(): string;
}

/**
 * Streams a run's events as they happen (`run-started`, `operation-finished`, `finding-reported`,
 * `phase-progressed`, … `run-finished`), with the default plug-ins wired in: the form the CLI
 * renders its progress line from.
 */
export async function* streamConformance(options: RunConformanceOptions): AsyncGenerator<RunEvent> {
  const { record, spec, plugins, ...rest } = options;
  const { runConformance: runEvents } = await runner();
  const loaded = await resolveSpec(spec);
  // With `record`, every exchange the run's HTTP client carries is appended to a HAR file.
  const recorder = record === undefined ? undefined : await startRecorder(record);
  try {
    yield* runEvents({
      ...rest,
      ...(recorder ? { dispatcher: recorder.dispatcher } : {}),
      spec: loaded,
      plugins: plugins ?? (await defaultPlugins()),
    });
  } finally {
    await recorder?.close();
  }
}

/**
 * Checks a deployment (or a mock) against its document and resolves to the summary and findings
 * the CLI reports; a target that cannot be reached or a bad option rejects with a ToolkitError.
 */
export async function runConformance(options: RunConformanceOptions): Promise<ConformanceResult> {
  let summary: RunSummary | undefined;
  let operations: string[] = [];
  for await (const event of streamConformance(options)) {
    if (event.type === 'run-started') operations = event.operations;
    if (event.type === 'run-finished') summary = event.summary;
  }
  return resultOf(summary, operations);
}

/** The result of a finished run; a run that ended without a summary is the toolkit's failure. */
export async function resultOf(summary: RunSummary | undefined, operations: string[]): Promise<ConformanceResult> {
  if (!summary) throw new UpstreamError('the run ended without a summary');
  const { exitCodeOf, toJUnit, toJsonReport } = await runner();
  const done = summary;
  const exitCode = exitCodeOf(done);
  return {
    summary: done,
    findings: done.findings,
    operations,
    passed: exitCode === 0,
    exitCode,
    junit: () => toJUnit(done, operations, done.secrets),
    json: () => toJsonReport(done, done.secrets),
  };
}
