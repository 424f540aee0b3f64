import { UpstreamError } from '../../core/index.js';
import {
  APPS_PLUGIN,
  checkRecordings,
  createProgress,
  exitCodeOf,
  renderSummary,
  toJsonReport,
  toJUnit,
  type RunSummary,
} from '../../conformance/index.js';
import { formatLoadWarnings, loadSpec } from '../../openapi/index.js';
import { BUNDLED_SPEC } from '../bundled-spec.js';
import type { CliIo } from '../io.js';
import { list, type ConformFlags } from './conform-flags.js';
import { failOnFlag, loadWaivers } from './conform-waivers.js';
import { writeReport } from './write-report.js';

/** `conform --har`: the stateless checks over recorded exchanges, with the live run's reports and exit codes. */
export async function runOffline(values: ConformFlags, io: CliIo): Promise<number> {
  const { fromHarEntry, loadHar } = await import('../../recording/index.js');
  const failOn = failOnFlag(values['fail-on']);
  const waivers = await loadWaivers(values.waivers);
  const spec = await loadSpec(values.spec ?? BUNDLED_SPEC);
  const warnings = formatLoadWarnings(spec.source, spec.warnings);
  if (warnings) io.stderr(warnings);
  const exchanges = values.har!.flatMap((path) =>
    loadHar(path).log.entries.map((entry) => {
      const recorded = fromHarEntry(entry);
      return { baseUrl: originOf(entry.request.url), request: recorded.request, response: recorded.response, elapsedMs: entry.time };
    }),
  );
  const progress = createProgress({ write: io.stdout, tty: false }, []);
  let summary: RunSummary | undefined;
  let operations: string[] = [];
  const source = values.har!.join(', ');
  for await (const event of checkRecordings({
    spec,
    source,
    exchanges,
    plugins: [APPS_PLUGIN],
    failOn,
    waivers,
    ...(values.replay === undefined ? {} : { replay: values.replay }),
    ...(values.checks === undefined ? {} : { checks: list(values.checks) }),
    ...(values['exclude-checks'] === undefined ? {} : { excludeChecks: list(values['exclude-checks']) }),
  })) {
    progress(event);
    if (event.type === 'run-started') operations = event.operations;
    if (event.type === 'run-finished') summary = event.summary;
  }
  if (!summary) throw new UpstreamError('the offline run ended without a summary');
  io.stdout(renderSummary(summary, []));
  if (values.junit) await writeReport(values.junit, toJUnit(summary, operations, []));
  if (values.json) await writeReport(values.json, toJsonReport(summary, []));
  return exitCodeOf(summary);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
