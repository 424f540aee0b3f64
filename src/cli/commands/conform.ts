import { UsageError, maskUrlCredentials, splitUrlCredentials } from '../../core/index.js';
import { ALL_CHECKS, STATEFUL_CHECKS, createProgress, type RunSummary } from '../../conformance/index.js';
import { defaultPlugins, resolveSpec, resultOf, streamConformance } from '../../api/index.js';
import { formatLoadWarnings } from '../../openapi/index.js';
import { integerFlag, nonBlankFlag, numberFlag, urlFlag } from '../args.js';
import { paintFor, paintReport } from '../colour.js';
import type { CliIo } from '../io.js';
import { renderError } from '../render-error.js';
import { list, operationFilter, parseHeaders, parseVars, readFlags } from './conform-flags.js';
import { runOffline } from './conform-offline.js';
import { installedPath } from './installed-path.js';
import { readReportFlags, reportRun } from './conform-reports.js';
import { readGateFlags } from './conform-waivers.js';

/** `conform --help`; `phaseChecks` are the stateful checks (the inferred resources' first, then the plug-ins'), `fixtures` where this installation keeps its recordings. */
function conformHelp(phaseChecks: readonly string[], fixtures: string): string {
  return `Usage: everruns-contract conform --target URL [options]

Sends property-based requests generated from the OpenAPI document to a live deployment (or a mock)
and holds every answer against the contract. Findings the document causes rather than the target
(no status declared for rejecting invalid input, an example that breaks its own schema, a link the
document wrote that cannot be followed) are listed apart as document warnings. Exit 0 when the gate
passes, 1 when a finding fails it (or the coverage is below --min-coverage), 2 for a usage error,
an invalid document, a target that cannot be reached at all, or a run interrupted before it could
decide.

Options:
  -t, --target URL              base URL of the deployment under test (required); user:password@ in
                                it is sent as Basic credentials and never printed
  -s, --spec FILE|URL           OpenAPI document, a file or an http(s) URL (default: the bundled Apps API)
  -H, --header 'Name: value'    send this header with every request (repeatable; treated as a secret)
      --api-key KEY             send "Authorization: Bearer KEY"; a missing or wrong key must get 401
  -n, --runs N                  generated requests per operation and kind, and stateful sequences (default 100)
      --seed S                  make generation reproducible (printed with every run)
      --replay PATH             run only the case printed with a finding (needs its --seed)
      --checks a,b              run only these checks
      --exclude-checks c,d      skip these checks
      --include-operation-id ID only these operations (repeatable or a,b; likewise the five below)
      --include-path PATH       only operations on this path template (/v1/apps/* for a prefix)
      --include-tag TAG         only operations with this tag
      --exclude-operation-id ID, --exclude-path PATH, --exclude-tag TAG
                                leave these operations out (a filter that leaves any out skips the
                                stateful sequences, which drive them all)
      --max-response-time MS    run max_response_time: every answer within MS
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
                                expires YYYY-MM-DD); waived findings are shown, expired ones reported
      --junit FILE              write a JUnit XML report (one testsuite per check; folders are created)
      --json FILE               write a JSON report (with the coverage)
      --html FILE               write one self-contained HTML report: verdict, findings with their
                                reproductions, and the coverage matrix (operation × declared status)
      --min-coverage N          fail (exit 1) when under N % of the declared responses were answered
      --har FILE.har            no network: run the stateless checks over recorded exchanges instead of
                                --target (repeatable; same reports and exit codes; --replay entry:N
                                judges one recorded exchange again)
      --record FILE.har         keep what the live run sent and received (secrets redacted), to replay
                                later with "mock --fixtures" or check again with --har
      --config FILE             read flags from FILE (default: ./everruns-contract.config.json)
  -h, --help                    show this help

Every flag can also be set as EVERRUNS_CONTRACT_<FLAG> (EVERRUNS_CONTRACT_TARGET=…) or in the
"conform" section of everruns-contract.config.json; a flag beats the variable, which beats the file.

Checks: ${ALL_CHECKS.map((check) => check.name).join(', ')}
(max_response_time runs with --max-response-time)
Stateful checks (model-based request sequences after generation; not with --read-only):
  ${phaseChecks.join(', ')}
(the first ${STATEFUL_CHECKS.length} over the resources inferred from any document, the others over the Apps routes)

Examples:
  npx everruns-contract mock --port 4010 &
  npx everruns-contract conform --target http://127.0.0.1:4010
  npx everruns-contract conform --target https://app.everruns.com/api --api-key "$EVERRUNS_API_KEY" \\
      --var harness_id=harness_0193a3b5c0de7000800000000000abcd --rate 20 --max-duration 120 \\
      --junit reports/conform.xml --json reports/conform.json
  npx everruns-contract conform --target http://127.0.0.1:4010 --checks problem_json_conformance --runs 20
  npx everruns-contract conform --target http://127.0.0.1:4010 --seed 42 --replay create_app:negative:0:3:1
  npx everruns-contract conform --har ${fixtures}/apps-lifecycle.har --junit reports/recorded.xml
  npx everruns-contract conform --target http://127.0.0.1:4010 --record reports/run.har
  npx everruns-contract conform -t http://127.0.0.1:4010 --include-tag Apps --max-response-time 500
`;
}

/** `everruns-contract conform`: parse flags, run the checks, render progress and reports; returns the exit code. */
export async function runConform(argv: string[], io: CliIo): Promise<number> {
  const secrets: string[] = [];
  const paint = paintFor(io);
  const out = (text: string) => io.stdout(paintReport(text, paint));
  try {
    const values = readFlags(argv, io);
    if (values.help) {
      const phases = (await defaultPlugins()).flatMap((plugin) => plugin.phases ?? []);
      const stateful = new Set([...STATEFUL_CHECKS.map((check) => check.name), ...phases.flatMap((phase) => phase.checks)]);
      io.stdout(conformHelp([...stateful], installedPath(io.cwd, 'fixtures')));
      return 0;
    }
    const reports = readReportFlags(values);
    const gate = await readGateFlags(values);
    if (values.har) {
      if (values.target || values.record) throw new UsageError('--har checks recordings offline; it does not go with --target or --record');
      return await runOffline(values, gate, reports, io, out);
    }
    const target = urlFlag(values, 'target');
    if (!target) throw new UsageError('--target URL (or --har FILE.har) is required (try --help)');
    // A password in the target is never printed, whatever prints it (errors included).
    secrets.push(...splitUrlCredentials(target).secrets);
    const linkBase = urlFlag(values, 'link-base');
    const headers = parseHeaders(values.header ?? []);
    const apiKey = nonBlankFlag(values, 'api-key');
    secrets.push(...Object.values(headers), ...(apiKey ? [apiKey] : []));
    const checks = values.checks === undefined ? undefined : list(values.checks);
    const maxResponseTimeMs =
      values['max-response-time'] === undefined ? undefined : integerFlag(values, 'max-response-time', 0, 1, 3_600_000);
    if (checks?.includes('max_response_time') && maxResponseTimeMs === undefined)
      throw new UsageError('--checks max_response_time needs --max-response-time MS (the slowest answer allowed)');
    const options = {
      target,
      headers,
      ...(apiKey ? { apiKey } : {}),
      runs: integerFlag(values, 'runs', 100, 1, 1_000_000),
      ...(values.seed === undefined ? {} : { seed: integerFlag(values, 'seed', 0, 0, 2 ** 31 - 1) }),
      ...(values.replay === undefined ? {} : { replay: values.replay }),
      ...(checks === undefined ? {} : { checks }),
      ...(values['exclude-checks'] === undefined ? {} : { excludeChecks: list(values['exclude-checks']) }),
      filter: operationFilter(values),
      ...(maxResponseTimeMs === undefined ? {} : { maxResponseTimeMs }),
      timeoutMs: integerFlag(values, 'timeout', 10_000, 1, 3_600_000),
      ...(values.rate === undefined ? {} : { rate: numberFlag(values, 'rate', 0, 0.01, 1_000_000) }),
      concurrency: integerFlag(values, 'concurrency', 4, 1, 256),
      ...(values['max-duration'] === undefined ? {} : { maxDurationMs: numberFlag(values, 'max-duration', 0, 0.001, 31_536_000) * 1000 }),
      readOnly: values['read-only'] ?? false,
      vars: parseVars(values.var ?? []),
      ...(linkBase ? { linkBase } : {}),
      ...gate,
      ...(values.record === undefined ? {} : { record: values.record }),
    };
    const spec = await resolveSpec(values.spec);
    const warnings = formatLoadWarnings(spec.source, spec.warnings);
    if (warnings) io.stderr(warnings);
    const controller = new AbortController();
    void io.stopSignal.then((signal) => {
      io.stderr(`${signal}: stopping; archiving what the run created…\n`);
      controller.abort();
    });
    let summary: RunSummary | undefined;
    let operations: string[] = [];
    const progress = createProgress({ write: out, tty: io.tty === true && !io.env?.CI }, secrets);
    // The library's run: the plug-ins and the --record recorder are wired in there, once for both.
    for await (const event of streamConformance({ ...options, spec, signal: controller.signal })) {
      progress(event);
      if (event.type === 'run-started') operations = event.operations;
      if (event.type === 'run-finished') summary = event.summary;
    }
    const result = await resultOf(summary, operations);
    // The run's own tokens (a webhook channel it created) are secrets too.
    secrets.push(...result.summary.secrets);
    const code = await reportRun(reports, result.summary, operations, secrets, out);
    if (values.record) io.stdout(`recorded the run's exchanges to ${values.record}\n`);
    return code;
  } catch (error) {
    io.stderr(maskUrlCredentials(renderError(error, 'everruns-contract conform', secrets)));
    return 2;
  }
}
