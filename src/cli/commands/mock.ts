import { UsageError } from '../../core/index.js';
import { EVERRUNS_PROBLEM_TYPE_BASE, bindAppsRoutes, createAppsModel, type AppsSnapshot } from '../../model/apps/index.js';
import { describeResourceMap, inferResources, type ResourceMap } from '../../model/resources/index.js';
import {
  createAppsLayer,
  createDashboard,
  createIdSource,
  createMockServer,
  createRandom,
  createResourcesLayer,
  isAppsOperation,
  openSqliteSink,
  openStateFile,
  RESOURCES_TABLE,
  seedSink,
  type ChangeSink,
  type RedactExchange,
  type StatefulLayer,
  type StateFile,
} from '../../mock/index.js';
import { formatLoadWarnings, loadSpec } from '../../openapi/index.js';
import { integerFlag, numberFlag, parseCommandFlags, urlFlag } from '../args.js';
import { BUNDLED_SPEC } from '../bundled-spec.js';
import type { CliIo } from '../io.js';
import { readResourceOverrides, readStateSnapshot } from './mock-files.js';

export const MOCK_HELP = `Usage: everruns-contract mock [options]

Serves the API described by a Swagger 2.0 or OpenAPI 3.0/3.1 document, statefully. The resources inferred from
the document (POST /v1/agents + GET/PATCH/PUT/DELETE /v1/agents/{agent_id}, nested ones below their
parents) are stored: what you create can be read, listed, updated and deleted. With the bundled
Apps API document, the platform's own document, or any document declaring the Apps routes
(POST /v1/apps, GET /v1/apps/{app_id}, POST …/publish), the Apps layer serves the Apps routes it
declares with the full Apps rules, in the statuses that document declares. Everything else is
answered from examples and schemas, honouring Prism's Prefer header (code=, example=, dynamic=true).

Options:
  --spec FILE               OpenAPI document (default: the bundled Apps API)
  --port N                  port to listen on (default 4010; 0 picks a free one)
  --host HOST               interface to bind (default 127.0.0.1)
  --state FILE              persist state in SQLite at FILE (needs better-sqlite3)
  --load FILE               seed the state from a JSON snapshot (GET /__mock/state; see fixtures/demo.json)
  --resource-overrides FILE correct the inferred resources with a JSON file (see the README)
  --verbose                 print the whole inferred resource map, with every stateless operation and why
  --api-key KEY             demand "Authorization: Bearer KEY" on management operations and /__mock/*
                            (a browser opens /__mock/?key=KEY once; a cookie keeps the key)
  --base-url URL            base of self_url links (default: the Host the request reached, or Forwarded)
  --no-security             do not enforce the document's security schemes (default: 401 without them)
  --ui-base-url URL         base of view_url/ui_link (default https://app.everruns.com)
  --run-duration MS         how long a run stays "running" (default 2000)
  --run-failure-rate R      share of runs that end as "err", 0..1 (default 0)
  --seed N                  make ids and run outcomes reproducible
  --stateless               serve examples only, for any document
  --fixtures FILE.har       answer recorded requests from a HAR file first (repeatable; later wins)
  --strict                  with --fixtures: an unrecorded request is a 404, not the mock's answer
  --quiet                   do not log one line per request; only count the document's warnings
  --no-dashboard            do not serve the dashboard page at /__mock/
  -h, --help                show this help

Examples:
  npx everruns-contract mock
  npx everruns-contract mock --port 8080 --state ./mock.db --run-duration 0
  npx everruns-contract mock --load fixtures/demo.json --api-key dev-key
  npx everruns-contract mock --spec ./openapi.json --state ./mock.db --verbose
  npx everruns-contract mock --spec ./petstore.yaml --stateless
  npx everruns-contract mock --fixtures fixtures/apps-lifecycle.har --strict
  curl -s -X POST localhost:4010/v1/apps -H 'content-type: application/json' \\
       -d '{"name":"Support Bot","harness_id":"harness_0193a3b5c0de7000800000000000abcd"}'
  curl -s localhost:4010/__mock/state     # export the current state as JSON
  open http://localhost:4010/__mock/       # the dashboard: live requests, state, runs, operations
  curl -s localhost:4010/__mock/resources  # the inferred resource map as JSON
`;

const MAX_ROUTES_SHOWN = 40;
const MAX_COLLECTIONS_SHOWN = 12;

/** `everruns-contract mock`: parse flags, start the server, print where it is, wait for a signal. */
export async function runMock(argv: string[], io: CliIo): Promise<number> {
  const values = parseCommandFlags(argv, {
    spec: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    state: { type: 'string' },
    load: { type: 'string' },
    'resource-overrides': { type: 'string' },
    verbose: { type: 'boolean' },
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
    quiet: { type: 'boolean' },
    'no-dashboard': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(MOCK_HELP);
    return 0;
  }
  const port = integerFlag('port', values.port, 4010, 0, 65535);
  const runDurationMs = integerFlag('run-duration', values['run-duration'], 2000, 0, 86_400_000);
  const runFailureRate = numberFlag('run-failure-rate', values['run-failure-rate'], 0, 0, 1);
  const seed = values.seed === undefined ? undefined : integerFlag('seed', values.seed, 0, 0, 2 ** 32 - 1);
  const baseUrl = urlFlag('base-url', values['base-url']);
  const uiBaseUrl = urlFlag('ui-base-url', values['ui-base-url']) ?? 'https://app.everruns.com';
  if (values['api-key'] !== undefined && values['api-key'].trim() === '') throw new UsageError('--api-key must not be empty');
  if (values.strict && !values.fixtures) throw new UsageError('--strict goes with --fixtures FILE.har');
  if (values.stateless && (values.state || values.load || values['resource-overrides'])) {
    throw new UsageError('--state, --load and --resource-overrides need the stateful mock; drop --stateless');
  }

  // Loaded only when asked for: the recorder's HTTP client is not worth its start-up cost otherwise.
  const playback = values.fixtures ? (await import('../playback.js')).loadPlayback(values.fixtures, values.strict ?? false) : undefined;
  const spec = await loadSpec(values.spec ?? BUNDLED_SPEC);
  // The Apps layer serves the Apps routes a document declares (by method and path, whatever its
  // operationIds), once it declares those the Apps rules need: spec/ and the platform's document alike.
  const appsDocument = bindAppsRoutes(spec.operations) !== undefined;
  const apps = !values.stateless && appsDocument;
  const overrides = values['resource-overrides'] ? await readResourceOverrides(values['resource-overrides']) : undefined;
  // The inferred resources cover the routes the Apps layer leaves.
  const map = values.stateless
    ? undefined
    : inferResources(
        { document: spec.document, operations: spec.operations.filter((operation) => !(apps && isAppsOperation(operation))) },
        overrides,
      );
  const loaded = values.load ? await readStateSnapshot(values.load) : undefined;
  if (loaded?.apps && !apps && (loaded.apps.apps.length > 0 || loaded.apps.runs.length > 0)) {
    throw new UsageError(
      `--load file ${values.load} holds apps, but the Apps layer does not serve this document (it lacks the Apps routes)`,
    );
  }

  let appsSink: ChangeSink | undefined;
  let appsSnapshot = loaded?.apps;
  let stateFile: StateFile | undefined;
  if (values.state) {
    stateFile = openStateFile(values.state);
    const opened = apps ? openSqliteSink(values.state) : undefined;
    appsSink = opened?.sink;
    if (loaded && (opened?.snapshot || !stateFile.table(RESOURCES_TABLE).isEmpty())) {
      throw new UsageError(`--load would overwrite the non-empty state in ${values.state}; drop one of them`);
    }
    if (opened?.snapshot) appsSnapshot = opened.snapshot;
    else if (appsSink && loaded?.apps) seedSink(appsSink, loaded.apps);
  }
  const random = createRandom(seed);
  const newId = createIdSource(random);

  const server = await createMockServer({
    spec,
    host: values.host ?? '127.0.0.1',
    port,
    // The dashboard shows exchanges with secrets taken out by the same rules as HAR recordings;
    // the recorder's module loads when a browser first connects, not at start-up.
    ...(values['no-dashboard'] ? {} : { dashboard: createDashboard({ spec, loadRedactor }) }),
    ...(values.quiet ? {} : { log: (line: string) => io.stdout(line + '\n') }),
    ...(playback ? { playback } : {}),
    baseUrl,
    apiKey: values['api-key'],
    security: !values['no-security'],
    // An Everruns document names its problem types on the Everruns base, stateful or not.
    ...(appsDocument ? { problemTypeBase: EVERRUNS_PROBLEM_TYPE_BASE } : {}),
    layers: (context) => {
      const layers: StatefulLayer[] = [];
      if (apps) {
        let first = true;
        const createModel = (restored?: AppsSnapshot) => {
          const env = {
            now: () => new Date(),
            newId,
            random,
            baseUrl: baseUrl ?? context.url,
            uiBaseUrl,
            runDurationMs,
            runFailureRate,
            apiKey: values['api-key'],
          };
          const model = createAppsModel(env, restored ?? (first ? appsSnapshot : undefined));
          first = false;
          return model;
        };
        layers.push(createAppsLayer(createModel, appsSink, context));
      }
      if (map) {
        const table = stateFile?.table(RESOURCES_TABLE);
        layers.push(createResourcesLayer({ map, context, random, snapshot: loaded?.resources, table }));
      }
      return layers;
    },
  });

  const bound = values.host && !server.url.includes(values.host) ? ` (bound to ${values.host})` : '';
  io.stdout(`everruns-contract mock listening on ${server.url}${bound}\n`);
  io.stdout(`  spec: ${spec.source} (OpenAPI ${spec.version}, ${spec.operations.length} operations)\n`);
  const warnings = formatLoadWarnings(spec.source, spec.warnings, { quiet: values.quiet ?? false });
  if (warnings) io.stderr(warnings);
  if (playback) {
    io.stdout(`  playback: ${playback.size} recorded requests from ${values.fixtures!.join(', ')}${playback.strict ? ' (strict)' : ''}\n`);
  }
  const storage = values.state ? `persisted in ${values.state}` : 'in memory';
  const layered = [apps ? 'Apps layer' : undefined, map && map.collections.length > 0 ? 'inferred resources' : undefined].filter(Boolean);
  io.stdout(`  mode: ${layered.length > 0 ? `stateful (${layered.join(' + ')}), ${storage}` : 'stateless (examples and schemas)'}\n`);
  if (map && map.collections.length > 0) printResourceMap(io, map, values.verbose ?? false);
  else printRoutes(io, spec.operations);
  io.stdout(`  GET    /__mock/state  (export)   PUT /__mock/state  (load)   GET /__mock/resources  (the map)   POST /__mock/reset\n`);
  if (!values['no-dashboard']) {
    io.stdout(
      `  dashboard: ${server.url}/__mock/${values['api-key'] === undefined ? '' : '  (open it once with ?key=<your --api-key>)'}\n`,
    );
  }

  const signal = await io.stopSignal;
  io.stdout(`${signal}: finishing in-flight requests…\n`);
  await server.close();
  stateFile?.close();
  io.stdout('stopped\n');
  return 0;
}

async function loadRedactor(): Promise<RedactExchange> {
  return (await import('../../recording/index.js')).createRedactor().exchange;
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
