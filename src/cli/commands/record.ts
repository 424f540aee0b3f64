import { defaultPlugins, ensureFolderOf, resolveSpec } from '../../api/index.js';
import { UsageError, maskUrlCredentials, splitUrlCredentials } from '../../core/index.js';
import { createRecordingJudge } from '../../conformance/index.js';
import { formatLoadWarnings } from '../../openapi/index.js';
import { createRecordingProxy } from '../../recording/index.js';
import { integerFlag, parseCommandFlags, urlFlag } from '../args.js';
import type { CliIo } from '../io.js';

/** The flags of `record`; each also reads `EVERRUNS_CONTRACT_<NAME>` and the config file's `record` section. */
export const RECORD_FLAGS = {
  target: { type: 'string', short: 't' },
  out: { type: 'string', short: 'o' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  spec: { type: 'string', short: 's' },
  redact: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export const RECORD_HELP = `Usage: everruns-contract record --target URL --out FILE.har [options]

Starts a recording proxy: every request sent to it is forwarded to --target, answered unchanged,
held against the same stateless checks as "conform --har" (violations and document warnings are
printed as they happen) and appended to a HAR 1.2 file with secrets replaced by [REDACTED]. The
file stays valid even if the recorder is killed.

Options:
  -t, --target URL        the API to forward to (required); user:password@ in it is sent as Basic
                          credentials and never printed
  -o, --out FILE          HAR file to append to (required; created, with its folder, if missing)
  -p, --port N            port to listen on (default 4011; 0 picks a free one)
      --host HOST         interface to bind (default 127.0.0.1)
  -s, --spec FILE|URL     document to validate against (default: the bundled Apps API)
      --redact NAME       also redact this header or JSON field (repeatable; /regex/ allowed)
  -q, --quiet             print violations only (and the number of the document's warnings)
      --config FILE       read flags from FILE (default: ./everruns-contract.config.json)
  -h, --help              show this help

Every flag can also be set as EVERRUNS_CONTRACT_<FLAG> (EVERRUNS_CONTRACT_RECORD_PORT=0) or in the
"record" section of everruns-contract.config.json; a flag beats the variable, which beats the file.

Example:
  npx everruns-contract mock --port 4010 &
  npx everruns-contract record --target http://127.0.0.1:4010 --out fixtures/my-session.har
  curl -s -X POST localhost:4011/v1/apps -H 'content-type: application/json' \\
       -d '{"name":"Support Bot","harness_id":"harness_0193a3b5c0de7000800000000000abcd"}'
  npx everruns-contract mock --fixtures fixtures/my-session.har --port 4012
`;

/** `everruns-contract record`: run the recording proxy until a signal arrives. */
export async function runRecord(argv: string[], io: CliIo): Promise<number> {
  const values = parseCommandFlags('record', argv, RECORD_FLAGS, io);
  if (values.help) {
    io.stdout(RECORD_HELP);
    return 0;
  }
  const target = urlFlag(values, 'target');
  if (!target) throw new UsageError('--target URL is required (the API to record)');
  if (!values.out) throw new UsageError('--out FILE.har is required (where to write the recording)');
  const port = integerFlag(values, 'port', 4011, 0, 65535);
  const spec = await resolveSpec(values.spec);
  ensureFolderOf(values.out);
  const warnings = formatLoadWarnings(spec.source, spec.warnings, { quiet: values.quiet ?? false });
  if (warnings) io.stderr(warnings);
  // The one judgement of recorded exchanges: what conform --har would report over the file.
  const judge = createRecordingJudge({ spec, plugins: await defaultPlugins() });
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
