import { UsageError, maskUrlCredentials, splitUrlCredentials } from '../../core/index.js';
import { APPS_PLUGIN, createRecordingJudge } from '../../conformance/index.js';
import { formatLoadWarnings, loadSpec } from '../../openapi/index.js';
import { createRecordingProxy } from '../../recording/index.js';
import { integerFlag, parseCommandFlags, urlFlag } from '../args.js';
import { BUNDLED_SPEC } from '../bundled-spec.js';
import type { CliIo } from '../io.js';

export const RECORD_HELP = `Usage: everruns-contract record --target URL --out FILE.har [options]

Starts a recording proxy: every request sent to it is forwarded to --target, answered unchanged,
held against the same stateless checks as "conform --har" (violations and document warnings are
printed as they happen) and appended to a HAR 1.2 file with secrets replaced by [REDACTED]. The
file stays valid even if the recorder is killed.

Options:
  --target URL        the API to forward to (required); user:password@ in it is sent as Basic
                      credentials and never printed
  --out FILE          HAR file to append to (required; created if missing)
  --port N            port to listen on (default 4011; 0 picks a free one)
  --host HOST         interface to bind (default 127.0.0.1)
  --spec FILE         document to validate against (default: the bundled Apps API)
  --redact NAME       also redact this header or JSON field (repeatable; /regex/ allowed)
  --quiet             print violations only (and the number of the document's warnings)
  -h, --help          show this help

Example:
  npx everruns-contract mock --port 4010 &
  npx everruns-contract record --target http://127.0.0.1:4010 --out fixtures/my-session.har
  curl -s -X POST localhost:4011/v1/apps -H 'content-type: application/json' \\
       -d '{"name":"Support Bot","harness_id":"harness_0193a3b5c0de7000800000000000abcd"}'
  npx everruns-contract mock --fixtures fixtures/my-session.har --port 4012
`;

/** `everruns-contract record`: run the recording proxy until a signal arrives. */
export async function runRecord(argv: string[], io: CliIo): Promise<number> {
  const values = parseCommandFlags(argv, {
    target: { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    spec: { type: 'string' },
    redact: { type: 'string', multiple: true },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(RECORD_HELP);
    return 0;
  }
  const target = urlFlag('target', values.target);
  if (!target) throw new UsageError('--target URL is required (the API to record)');
  if (!values.out) throw new UsageError('--out FILE.har is required (where to write the recording)');
  const port = integerFlag('port', values.port, 4011, 0, 65535);
  const spec = await loadSpec(values.spec ?? BUNDLED_SPEC);
  const warnings = formatLoadWarnings(spec.source, spec.warnings, { quiet: values.quiet ?? false });
  if (warnings) io.stderr(warnings);
  // The one judgement of recorded exchanges: what conform --har would report over the file.
  const judge = createRecordingJudge({ spec, plugins: [APPS_PLUGIN] });
  const shown = maskUrlCredentials(target);
  const baseUrl = splitUrlCredentials(target).url;
  let violations = 0;
  let documentWarnings = 0;
  let judging: Promise<void> = Promise.resolve();
  const proxy = await createRecordingProxy({
    target,
    harPath: values.out,
    host: values.host ?? '127.0.0.1',
    port,
    redact: { headers: values.redact ?? [], fields: values.redact ?? [] },
    onExchange(request, response, ms) {
      // Judged one after the other, so the lines come out in the order the exchanges happened.
      judging = judging
        .then(() => judge.judge({ baseUrl, request, response, elapsedMs: ms }))
        .then(
          (judged) => {
            if (!values.quiet)
              io.stdout(
                `${request.method} ${request.path}${request.query ? '?' + request.query : ''} ${response.status} ${ms.toFixed(1)}ms\n`,
              );
            if (!judged.exchange) {
              violations += 1;
              io.stdout(`  violation: ${request.method} ${request.path} is not declared in ${spec.source}\n`);
            }
            for (const finding of judged.results.flatMap((result) => result.findings)) {
              const warning = finding.severity === 'warning';
              if (warning) documentWarnings += 1;
              else violations += 1;
              io.stdout(
                `  ${warning ? 'document warning' : 'violation'}: [${finding.check}] ${finding.operation}: ${finding.title} (${finding.received})\n`,
              );
            }
          },
          (error: unknown) => io.stderr(`${request.method} ${request.path}: could not be judged (${(error as Error)?.message ?? error})\n`),
        );
    },
    onError(request, error) {
      io.stderr(maskUrlCredentials(`${request.method} ${request.path}: target unreachable (${error.message})\n`));
    },
  });
  io.stdout(`everruns-contract record listening on ${proxy.url}\n  forwarding to ${shown}\n  recording to ${values.out}\n`);
  const signal = await io.stopSignal;
  await proxy.close();
  // What was proxied before the signal is judged and counted before the totals are printed.
  await judging;
  io.stdout(
    `${signal}: recording closed (${violations} violation${violations === 1 ? '' : 's'} seen${documentWarnings ? `, ${documentWarnings} document warning${documentWarnings === 1 ? '' : 's'}` : ''})\n`,
  );
  return 0;
}
