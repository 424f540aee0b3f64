import { UsageError } from '../../core/index.js';
import { startMock, type ReloadEvent, type StartMockOptions } from '../../api/index.js';
import { MAX_DELAY_MS, parseFaultKind, type FaultKind } from '../../mock/index.js';
import { describeResourceMap, type ResourceMap } from '../../model/resources/index.js';
import { formatLoadWarnings } from '../../openapi/index.js';
import { flagLabel, integerFlag, nonBlankFlag, numberFlag, parseCommandFlags, urlFlag } from '../args.js';
import { paintFor, paintLogLine } from '../colour.js';
import { renderError } from '../render-error.js';
import { lineBatch } from '../line-batch.js';
import type { CliIo } from '../io.js';
import { installedPath } from './installed-path.js';

/** The flags of `mock`; each also reads `EVERRUNS_CONTRACT_<NAME>` and the config file's `mock` section. */
export const MOCK_FLAGS = {
  spec: { type: 'string', short: 's' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  state: { type: 'string' },
  load: { type: 'string' },
  'api-key': { type: 'string' },
  'base-url': { type: 'string' },
  'ui-base-url': { type: 'string' },
  'run-duration': { type: 'string' },
  'run-failure-rate': { type: 'string' },
  seed: { type: 'string' },
  stateless: { type: 'boolean' },
  'no-security': { type: 'boolean' },
  fixtures: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  dynamic: { type: 'boolean', short: 'd' },
  delay: { type: 'string' },
  'fault-rate': { type: 'string' },
  faults: { type: 'string' },
  'journal-size': { type: 'string' },
  watch: { type: 'boolean', short: 'w' },
  'no-cors': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-dashboard': { type: 'boolean' },
  'resource-overrides': { type: 'string' },
  verbose: { type: 'boolean' },
} as const;

/** `mock --help`, its examples naming files where this installation has them. */
export function mockHelp(cwd: string | undefined): string {
  const fixtures = installedPath(cwd, 'fixtures');
  return `Usage: everruns-contract mock [options]

Serves the API described by a Swagger 2.0 or OpenAPI 3.0/3.1 document, statefully. The resources inferred from
the document (POST /v1/agents + GET/PATCH/PUT/DELETE /v1/agents/{agent_id}, nested ones below their
parents) are stored: what you create can be read, listed, updated and deleted. With the bundled
Apps API document, the platform's own document, or any document declaring the Apps routes
(POST /v1/apps, GET /v1/apps/{app_id}, POST …/publish), the Apps layer serves the Apps routes it
declares with the full Apps rules, in the statuses that document declares. Everything else is
answered from examples and schemas, honouring Prism's Prefer header (code=, example=, dynamic=true).

Options:
  -s, --spec FILE|URL       OpenAPI document, a file or an http(s) URL (default: the bundled Apps API)
  -p, --port N              port to listen on (default 4010; 0 picks a free one)
      --host HOST           interface to bind (default 127.0.0.1)
      --state FILE          persist state in SQLite at FILE (needs better-sqlite3)
      --load FILE           seed the state from a JSON snapshot (see ${fixtures}/demo.json)
      --api-key KEY         demand "Authorization: Bearer KEY" on management operations and /__mock/*
                            (a browser opens /__mock/?key=KEY once; a cookie keeps the key)
      --base-url URL        base of self_url links (default: the Host the request reached, or Forwarded)
      --no-security         do not enforce the document's security schemes (default: 401 without them)
      --ui-base-url URL     base of view_url/ui_link (default https://app.everruns.com)
      --run-duration MS     how long a run stays "running" (default 2000)
      --run-failure-rate R  share of runs that end as "err", 0..1 (default 0)
      --seed N              make ids (their time part too) and run outcomes reproducible
      --stateless           serve examples and schemas only, for any document
      --resource-overrides FILE  correct the inferred resources with a JSON file (see the README)
      --verbose             print the whole inferred resource map, with every stateless operation and why
      --fixtures FILE.har   answer recorded requests from a HAR file first (repeatable; later wins)
      --strict              with --fixtures: an unrecorded request is a 404, not the mock's answer
  -d, --dynamic             generate a new body on every answer, as Prefer: dynamic=true (stateless answers)
      --delay MS[-MAX]      wait MS (or between MS and MAX) before answering each API request
      --fault-rate R        answer this share of API requests, 0..1, with a fault (default 0)
      --faults LIST         the faults to draw: 5xx statuses and "reset" (default 500,reset)
      --journal-size N      requests GET /__mock/requests keeps (default 1000; 0 turns it off)
  -w, --watch               reload the --spec file when it changes, keeping the state where it fits
      --no-cors             send no CORS headers (default: any origin may call)
  -q, --quiet               do not log one line per request; only count the document's warnings
      --no-dashboard        do not serve the dashboard page at /__mock/
      --config FILE         read flags from FILE (default: ./everruns-contract.config.json)
  -h, --help                show this help

Every flag can also be set as EVERRUNS_CONTRACT_<FLAG> (EVERRUNS_CONTRACT_PORT=0) or in the
"mock" section of everruns-contract.config.json; a flag beats the variable, which beats the file.

Examples:
  npx everruns-contract mock
  npx everruns-contract mock -p 8080 --state ./mock.db --run-duration 0
  npx everruns-contract mock --load ${fixtures}/demo.json --api-key dev-key
  npx everruns-contract mock --spec https://petstore3.swagger.io/api/v3/openapi.json
  npx everruns-contract mock --fixtures ${fixtures}/apps-lifecycle.har --strict
  npx everruns-contract mock --fault-rate 0.1 --delay 50-200
  curl -s -X POST localhost:4010/v1/apps -H 'content-type: application/json' \\
       -d '{"name":"Support Bot","harness_id":"harness_0193a3b5c0de7000800000000000abcd"}'
  curl -s 'localhost:4010/__mock/requests?method=POST'   # what the mock received
  curl -s 'localhost:4010/__mock/state?secrets=include'  # export the state, restorable with --load
  curl -s localhost:4010/__mock/resources                # the inferred resource map as JSON
  open http://localhost:4010/__mock/                      # the dashboard: live requests, state, runs, operations
`;
}

const MAX_ROUTES_SHOWN = 40;
const MAX_COLLECTIONS_SHOWN = 12;

/** `everruns-contract mock`: parse flags, start the library's mock, print where it is, wait for a signal. */
export async function runMock(argv: string[], io: CliIo): Promise<number> {
  const values = parseCommandFlags('mock', argv, MOCK_FLAGS, io);
  if (values.help) {
    io.stdout(mockHelp(io.cwd));
    return 0;
  }
  const paint = paintFor(io);
  const requestLog = values.quiet ? undefined : lineBatch(io.stdout);
  const options: StartMockOptions = {
    ...(values.spec === undefined ? {} : { spec: values.spec }),
    host: values.host ?? '127.0.0.1',
    port: integerFlag(values, 'port', 4010, 0, 65535),
    stateless: values.stateless ?? false,
    ...(values.load === undefined ? {} : { state: values.load }),
    ...(values.state === undefined ? {} : { stateFile: values.state }),
    ...(values['resource-overrides'] === undefined ? {} : { resourceOverrides: values['resource-overrides'] }),
    ...(values.seed === undefined ? {} : { seed: integerFlag(values, 'seed', 0, 0, 2 ** 32 - 1) }),
    apiKey: nonBlankFlag(values, 'api-key'),
    baseUrl: urlFlag(values, 'base-url'),
    uiBaseUrl: urlFlag(values, 'ui-base-url') ?? 'https://app.everruns.com',
    runDurationMs: integerFlag(values, 'run-duration', 2000, 0, 86_400_000),
    runFailureRate: numberFlag(values, 'run-failure-rate', 0, 0, 1),
    security: !values['no-security'],
    ...(values.fixtures ? { fixtures: values.fixtures } : {}),
    strict: values.strict ?? false,
    dynamic: values.dynamic ?? false,
    ...(values.delay === undefined ? {} : { delayMs: delayFlag(values) }),
    faultRate: numberFlag(values, 'fault-rate', 0, 0, 1),
    ...(values.faults === undefined ? {} : { faults: faultsFlag(values) }),
    journalSize: integerFlag(values, 'journal-size', 1000, 0, 1_000_000),
    watch: values.watch ?? false,
    cors: !values['no-cors'],
    dashboard: !values['no-dashboard'],
    ...(requestLog ? { log: (line: string) => requestLog.write(paintLogLine(line, paint) + '\n') } : {}),
    onReload: (event) => {
      requestLog?.flush();
      reported(event, io);
    },
  };
  const mock = await startMock(options);
  const { spec } = mock;
  const bound = options.host !== '127.0.0.1' && !mock.url.includes(options.host!) ? ` (bound to ${options.host})` : '';
  io.stdout(`everruns-contract mock listening on ${mock.url}${bound}\n`);
  io.stdout(`  spec: ${spec.source} (OpenAPI ${spec.version}, ${spec.operations.length} operations)${options.watch ? ', watched' : ''}\n`);
  const warnings = formatLoadWarnings(spec.source, spec.warnings, { quiet: values.quiet ?? false });
  if (warnings) io.stderr(warnings);
  if (mock.recorded !== undefined) {
    io.stdout(`  playback: ${mock.recorded} recorded requests from ${values.fixtures!.join(', ')}${options.strict ? ' (strict)' : ''}\n`);
  }
  const storage = mock.stateFile ? `persisted in ${mock.stateFile}` : 'in memory';
  io.stdout(`  mode: ${mock.layer === 'stateless' ? 'stateless (examples and schemas)' : `stateful (${mock.layer}), ${storage}`}\n`);
  if (mock.resources && mock.resources.collections.length > 0) printResourceMap(io, mock.resources, values.verbose ?? false);
  else printRoutes(io, spec.operations);
  io.stdout(`  GET    /__mock/requests  (what the mock received)   DELETE /__mock/requests  (forget it)\n`);
  io.stdout(`  GET    /__mock/state  (export)   PUT /__mock/state  (load)   GET /__mock/resources  (the map)   POST /__mock/reset\n`);
  if (options.dashboard) {
    io.stdout(`  dashboard: ${mock.url}/__mock/${options.apiKey === undefined ? '' : '  (open it once with ?key=<your --api-key>)'}\n`);
  }

  const signal = await io.stopSignal;
  requestLog?.flush();
  io.stdout(`${signal}: finishing in-flight requests…\n`);
  await mock.close();
  requestLog?.flush();
  io.stdout('stopped\n');
  return 0;
}

// `--delay 100` or `--delay 50-200`.
function delayFlag(values: object): number | [number, number] {
  const text = (values as { delay: string }).delay;
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  const [low, high] = match ? [Number(match[1]), Number(match[2] ?? match[1])] : [NaN, NaN];
  if (!match || low > high || high > MAX_DELAY_MS) {
    throw new UsageError(`${flagLabel(values, 'delay')} must be MS or MIN-MAX in milliseconds up to ${MAX_DELAY_MS}, got '${text}'`);
  }
  return low === high ? low : [low, high];
}

// `--faults 500,503,reset`.
function faultsFlag(values: object): FaultKind[] {
  const text = (values as { faults: string }).faults;
  return text.split(',').map((item) => {
    const kind = parseFaultKind(item);
    if (kind === undefined) throw new UsageError(`${flagLabel(values, 'faults')} lists 5xx statuses and "reset", got '${item.trim()}'`);
    return kind;
  });
}

function reported(event: ReloadEvent, io: CliIo): void {
  if (!event.ok) {
    io.stderr(renderError(event.error, 'everruns-contract mock').replace(/\n$/, '; still serving the previous document\n'));
    return;
  }
  const state = event.state === 'kept' ? '; state kept' : event.state === 'dropped' ? `; state dropped (${event.detail})` : '';
  io.stdout(
    `reloaded ${event.spec.source} (OpenAPI ${event.spec.version}, ${event.spec.operations.length} operations, ${event.layer})${state}\n`,
  );
  const warnings = formatLoadWarnings(event.spec.source, event.spec.warnings);
  if (warnings) io.stderr(warnings);
}

/** The inferred map, one line per collection: a dozen of them, or with `--verbose` all and every stateless operation. */
function printResourceMap(io: CliIo, map: ResourceMap, verbose: boolean): void {
  const lines = describeResourceMap(map, { stateless: verbose });
  const collections = lines.slice(0, map.collections.length);
  const rest = lines.slice(map.collections.length);
  const shown = verbose ? collections : collections.slice(0, MAX_COLLECTIONS_SHOWN);
  for (const line of shown) io.stdout(`  ${line}\n`);
  if (shown.length < collections.length) {
    io.stdout(`  … and ${collections.length - shown.length} more collections (--verbose or GET /__mock/resources lists them all)\n`);
  }
  for (const line of rest) io.stdout(`  ${line}\n`);
}

function printRoutes(io: CliIo, operations: readonly { method: string; path: string; id: string }[]): void {
  for (const operation of operations.slice(0, MAX_ROUTES_SHOWN)) {
    io.stdout(`  ${operation.method.padEnd(7)}${operation.path}  ${operation.id}\n`);
  }
  if (operations.length > MAX_ROUTES_SHOWN) io.stdout(`  … and ${operations.length - MAX_ROUTES_SHOWN} more\n`);
}
