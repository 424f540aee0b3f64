import { TOOL, UpstreamError, UsageError, maskUrlCredentials, splitUrlCredentials } from '../../core/index.js';
import {
  ALL_CHECKS,
  APPS_PLUGIN,
  createProgress,
  exitCodeOf,
  renderSummary,
  runConformance,
  toJsonReport,
  toJUnit,
  type RunSummary,
} from '../../conformance/index.js';
import { formatLoadWarnings, loadSpec } from '../../openapi/index.js';
import { integerFlag, numberFlag, urlFlag } from '../args.js';
import { BUNDLED_SPEC } from '../bundled-spec.js';
import type { CliIo } from '../io.js';
import { renderError } from '../render-error.js';
import { list, parseHeaders, parseVars, readFlags } from './conform-flags.js';
import { runOffline } from './conform-offline.js';
import { failOnFlag, loadWaivers } from './conform-waivers.js';
import { writeReport } from './write-report.js';

const APPS_CHECKS = (APPS_PLUGIN.phases ?? []).flatMap((phase) => phase.checks);

export const CONFORM_HELP = `Usage: everruns-contract conform --target URL [options]

Sends property-based requests generated from the OpenAPI document to a live deployment (or a mock)
and holds every answer against the contract. Findings the document causes rather than the target
(no status declared for rejecting invalid input, an example that breaks its own schema, a link the
document wrote that cannot be followed) are listed apart as document warnings. Exit 0 when the gate
passes, 1 when a finding fails it, 2 for a usage error, an invalid document, a target that cannot
be reached at all, or a run interrupted before it could decide.

Options:
  --target URL              base URL of the deployment under test (required); user:password@ in it
                            is sent as Basic credentials and never printed
  --spec FILE               OpenAPI document (default: the bundled Apps API)
  --header 'Name: value'    send this header with every request (repeatable; treated as a secret)
  --api-key KEY             send "Authorization: Bearer KEY"; a missing or wrong key must get 401
  --runs N                  generated requests per operation and kind, and stateful sequences (default 100)
  --seed S                  make generation reproducible (printed with every run)
  --replay PATH             run only the case printed with a finding (needs its --seed)
  --checks a,b              run only these checks
  --exclude-checks c,d      skip these checks
  --timeout MS              per-request timeout (default 10000)
  --rate N                  at most N requests per second (default unlimited)
  --concurrency N           requests in flight at once (default 4)
  --max-duration S          stop generating after S seconds (then clean up and report)
  --read-only               send only GET, HEAD and OPTIONS requests
  --var name=value          use this value for every parameter or property of that name (repeatable)
  --link-base URL           the base the deployment's canonical links name, when not --target:
                            a self_url under it is followed on the target
  --fail-on warning|error   the least severity that fails the gate (default error; warning also
                            fails on document warnings)
  --waivers FILE            accept known findings (JSON or YAML: check, operation, key, reason,
                            expires YYYY-MM-DD); waived findings are shown, expired waivers reported
  --junit FILE              write a JUnit XML report (one testsuite per check)
  --json FILE               write a JSON report
  --har FILE.har            no network: run the stateless checks over recorded exchanges instead of
                            --target (repeatable; same reports and exit codes; --replay entry:N
                            judges one recorded exchange again)
  --record FILE.har         keep what the live run sent and received (secrets redacted), to replay
                            later with "mock --fixtures" or check again with --har
  -h, --help                show this help

Checks: ${[...ALL_CHECKS.map((check) => check.name), ...APPS_CHECKS].join(', ')}
(the last ${APPS_CHECKS.length} run model-based request sequences; they need the Apps operations)

Examples:
  npx everruns-contract mock --port 4010 &
  npx everruns-contract conform --target http://127.0.0.1:4010
  npx everruns-contract conform --target https://app.everruns.com/api --api-key "$EVERRUNS_API_KEY" \\
      --var harness_id=harness_0193a3b5c0de7000800000000000abcd --rate 20 --max-duration 120 \\
      --junit reports/conform.xml --json reports/conform.json
  npx everruns-contract conform --target http://127.0.0.1:4010 --checks problem_json_conformance --runs 20
  npx everruns-contract conform --target http://127.0.0.1:4010 --seed 42 --replay createApp:negative:0:3:1
  npx everruns-contract conform --har fixtures/apps-lifecycle.har --junit reports/recorded.xml
  npx everruns-contract conform --target http://127.0.0.1:4010 --record reports/run.har
`;

/** `everruns-contract conform`: parse flags, run the checks, render progress and reports; returns the exit code. */
export async function runConform(argv: string[], io: CliIo): Promise<number> {
  const secrets: string[] = [];
  try {
    const values = readFlags(argv);
    if (values.help) {
      io.stdout(CONFORM_HELP);
      return 0;
    }
    if (values.har) {
      if (values.target || values.record) throw new UsageError('--har checks recordings offline; it does not go with --target or --record');
      return await runOffline(values, io);
    }
    const target = urlFlag('target', values.target);
    if (!target) throw new UsageError('--target URL (or --har FILE.har) is required (try --help)');
    // A password in the target is never printed, whatever prints it (errors included).
    secrets.push(...splitUrlCredentials(target).secrets);
    const linkBase = urlFlag('link-base', values['link-base']);
    const headers = parseHeaders(values.header ?? []);
    const apiKey = values['api-key'];
    if (apiKey !== undefined && apiKey.trim() === '') throw new UsageError('--api-key must not be empty');
    secrets.push(...Object.values(headers), ...(apiKey ? [apiKey] : []));
    const options = {
      target,
      headers,
      ...(apiKey ? { apiKey } : {}),
      runs: integerFlag('runs', values.runs, 100, 1, 1_000_000),
      ...(values.seed === undefined ? {} : { seed: integerFlag('seed', values.seed, 0, 0, 2 ** 31 - 1) }),
      ...(values.replay === undefined ? {} : { replay: values.replay }),
      ...(values.checks === undefined ? {} : { checks: list(values.checks) }),
      ...(values['exclude-checks'] === undefined ? {} : { excludeChecks: list(values['exclude-checks']) }),
      timeoutMs: integerFlag('timeout', values.timeout, 10_000, 1, 3_600_000),
      ...(values.rate === undefined ? {} : { rate: numberFlag('rate', values.rate, 0, 0.01, 1_000_000) }),
      concurrency: integerFlag('concurrency', values.concurrency, 4, 1, 256),
      ...(values['max-duration'] === undefined
        ? {}
        : { maxDurationMs: numberFlag('max-duration', values['max-duration'], 0, 0.001, 31_536_000) * 1000 }),
      readOnly: values['read-only'] ?? false,
      vars: parseVars(values.var ?? []),
      ...(linkBase ? { linkBase } : {}),
      failOn: failOnFlag(values['fail-on']),
      waivers: await loadWaivers(values.waivers),
    };
    const spec = await loadSpec(values.spec ?? BUNDLED_SPEC);
    const warnings = formatLoadWarnings(spec.source, spec.warnings);
    if (warnings) io.stderr(warnings);
    const controller = new AbortController();
    void io.stopSignal.then((signal) => {
      io.stderr(`${signal}: stopping; archiving what the run created…\n`);
      controller.abort();
    });
    let summary: RunSummary | undefined;
    let operations: string[] = [];
    const progress = createProgress({ write: io.stdout, tty: process.stdout.isTTY === true && !process.env.CI }, secrets);
    // With --record every exchange the run's HTTP client carries is appended to a HAR file.
    const recorder = values.record ? await startRecorder(values.record) : undefined;
    try {
      const dispatcher = recorder ? { dispatcher: recorder.dispatcher } : {};
      // The Apps plug-in engages for Apps documents only; any other gets the stateless checks alone.
      for await (const event of runConformance({ ...options, ...dispatcher, spec, plugins: [APPS_PLUGIN], signal: controller.signal })) {
        progress(event);
        if (event.type === 'run-started') operations = event.operations;
        if (event.type === 'run-finished') summary = event.summary;
      }
    } finally {
      await recorder?.close();
    }
    if (!summary) throw new UpstreamError('the run ended without a summary');
    // The run's own tokens (a webhook channel it created) are secrets too.
    secrets.push(...summary.secrets);
    io.stdout(renderSummary(summary, secrets));
    if (values.junit) await writeReport(values.junit, toJUnit(summary, operations, secrets));
    if (values.json) await writeReport(values.json, toJsonReport(summary, secrets));
    if (values.record) io.stdout(`recorded the run's exchanges to ${values.record}\n`);
    return exitCodeOf(summary);
  } catch (error) {
    io.stderr(maskUrlCredentials(renderError(error, `${TOOL.name} conform`, secrets)));
    return 2;
  }
}

async function startRecorder(harPath: string) {
  const [{ createRecordingInterceptor }, { Agent }] = await Promise.all([import('../../recording/index.js'), import('undici')]);
  const recorder = createRecordingInterceptor({ harPath });
  const agent = new Agent({ connections: 16 });
  return {
    dispatcher: agent.compose(recorder.interceptor),
    close: async () => {
      await agent.close();
      recorder.close();
    },
  };
}
