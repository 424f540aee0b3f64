import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpec, type LoadedSpec } from '../../src/openapi/index.js';
import { SpecValidator } from '../../src/validation/index.js';
import { drawEntries, type DirectoryEntry } from '../../suites/helpers/apis-guru.js';
import { fillGets, judgeGet, knownCause, type FilledGet } from '../../suites/helpers/exercise-gets.js';
import { freePort } from '../../suites/helpers/free-port.js';
import { spawnChild, stopChild, waitForAnswer, waitForOutput, type Child } from './children.js';
import { renderReport, type DocumentResult, type ServerResult } from './report.js';

/**
 * Serves a seeded draw of the APIs.guru directory with this mock and with Prism, one document at
 * a time each, sends both the same valid GETs and judges every answer with the same validator.
 * Run from the package root: `npm run bench:apis-guru -- --draw 100 --seed 1`.
 */
const ROOT = process.cwd();
const CLI = join(ROOT, 'node_modules/.cache/apis-guru-bench/src/cli/bin.js');
const PRISM = join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');
const START_TIMEOUT_MS = 60_000;
// The mock compiles its validators in the background after listening; a crash there shows up in
// this window after the last answer.
const CRASH_WINDOW_MS = 2_000;

const { values } = parseArgs({
  options: {
    draw: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '2' },
    'max-gets': { type: 'string', default: '200' },
    'no-prism': { type: 'boolean', default: false },
    failures: { type: 'string', default: '25' },
  },
});
const draw = Number(values.draw);
const seed = Number(values.seed);
const maxGets = Number(values['max-gets']);

async function main(): Promise<void> {
  const entries = drawEntries(draw, seed);
  const results: DocumentResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++]!;
      const result = await measureDocument(entry);
      results.push(result);
      process.stderr.write(
        `[${results.length}/${entries.length}] ${entry.id}: mock ${summary(result.ours)}, Prism ${summary(result.prism)}\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.jobs)) }, worker));
  results.sort((a, b) => (a.id < b.id ? -1 : 1));
  process.stdout.write(renderReport(results, { draw, seed, failures: Number(values.failures), prism: !values['no-prism'] }));
  writeFileSync(join(ROOT, 'bench/apis-guru/results.json'), JSON.stringify({ draw, seed, results }, null, 1));
}

async function measureDocument(entry: DirectoryEntry): Promise<DocumentResult> {
  let spec: LoadedSpec | undefined;
  let loadError: string | undefined;
  try {
    spec = await loadSpec(entry.path);
  } catch (error) {
    loadError = (error as Error).message;
  }
  const origin = originOf(spec);
  const filled = spec ? fillGets(spec) : { filled: [], unfillable: [], unsatisfiable: [] };
  const gets = filled.filled.slice(0, maxGets);
  const validator = spec ? new SpecValidator(spec) : undefined;
  const ours = await measureServer(startMock(entry.path), spec, gets, validator);
  const prism = values['no-prism'] ? notRun() : await measureServer(startPrism(entry.path), spec, gets, validator);
  return {
    id: entry.id,
    origin,
    loadError,
    warnings: spec?.warnings.length ?? 0,
    unfillable: filled.unfillable.length,
    unsatisfiable: filled.unsatisfiable.length,
    ours,
    prism,
  };
}

interface Started {
  child: Child;
  url: string | undefined;
}

// Stateless, as Prism is: started as users start it, the mock infers the document's resources, and
// a GET of an item nobody created is then rightly the document's not-found, which a count of
// declared successes would call wrong.
async function startMock(path: string): Promise<Started> {
  const child = spawnChild(process.execPath, [CLI, 'mock', '--spec', path, '--port', '0', '--quiet', '--stateless']);
  const match = await waitForOutput(child, /listening on (http:\/\/\S+)/, START_TIMEOUT_MS);
  return { child, url: match?.[1] };
}

async function startPrism(path: string): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [PRISM, 'mock', path, '--port', String(port), '--host', '127.0.0.1', '--multiprocess', 'false', '--verboseLevel', 'silent'];
  const child = spawnChild(process.execPath, args, { ...process.env, NODE_ENV: 'development' });
  return { child, url: (await waitForAnswer(child, `${url}/__bench_probe`, START_TIMEOUT_MS)) ? url : undefined };
}

async function measureServer(
  starting: Promise<Started>,
  spec: LoadedSpec | undefined,
  gets: FilledGet[],
  validator: SpecValidator | undefined,
): Promise<ServerResult> {
  const { child, url } = await starting;
  const result: ServerResult = { ran: true, started: url !== undefined, reason: undefined, verdicts: [], crashed: false };
  try {
    if (!url) {
      result.reason = lastLine(child.output()) || 'did not start';
      return result;
    }
    for (const get of spec && validator ? gets : []) {
      if (child.exit) break;
      result.verdicts.push({ ...(await judgeGet(url, validator!, get)), cause: knownCause(spec!, get) });
    }
    await new Promise((resolve) => setTimeout(resolve, CRASH_WINDOW_MS));
    if (child.exit) {
      result.crashed = true;
      result.reason = `exited (${child.exit.code ?? child.exit.signal}): ${lastLine(child.output())}`;
    }
    return result;
  } finally {
    await stopChild(child);
  }
}

function notRun(): ServerResult {
  return { ran: false, started: false, reason: 'not run', verdicts: [], crashed: false };
}

function originOf(spec: LoadedSpec | undefined): string {
  const origins = (spec?.document.info as { 'x-origin'?: Array<{ format?: string; version?: string }> } | undefined)?.['x-origin'];
  const first = Array.isArray(origins) ? origins[0] : undefined;
  return first?.format === 'swagger' ? `swagger ${first.version ?? ''}`.trim() : `openapi ${spec?.version ?? '?'}`;
}

function summary(result: ServerResult): string {
  if (!result.ran) return 'not run';
  if (!result.started) return `not started (${result.reason})`;
  const good = result.verdicts.filter((verdict) => verdict.declaredStatus && verdict.validBody).length;
  return `${good}/${result.verdicts.length} GETs right${result.crashed ? ', CRASHED' : ''}`;
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .at(-1)
      ?.slice(0, 300) ?? ''
  );
}

await main();
