import type { RunEvent, Severity, Waiver } from '../conformance/index.js';
import { resolveSpec, type SpecInput } from './resolve-spec.js';
import { defaultPlugins } from './run-conformance.js';

/** Options of `streamRecordedConformance()` (`conform --har`). */
export interface RecordedConformanceOptions {
  /** HAR files whose exchanges are judged, in order. */
  har: readonly string[];
  /** The document; default the bundled Apps API. */
  spec?: SpecInput;
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** `entry:N` as printed with a finding: judge only the N-th recorded exchange (counted over all files). */
  replay?: string;
  /** Accepted findings (`--waivers`), as for a live run. */
  waivers?: readonly Waiver[];
  /** The least severity that fails the gate (`--fail-on`; default error). */
  failOn?: Severity;
}

/** The stateless checks over recorded exchanges, no network: the events of a live run, with the default plug-ins wired in. */
export async function* streamRecordedConformance(options: RecordedConformanceOptions): AsyncGenerator<RunEvent> {
  const [{ checkRecordings }, { loadHar, fromHarEntry }] = await Promise.all([
    import('../conformance/index.js'),
    import('../recording/index.js'),
  ]);
  const spec = await resolveSpec(options.spec);
  const exchanges = options.har.flatMap((path) =>
    loadHar(path).log.entries.map((entry) => {
      const recorded = fromHarEntry(entry);
      return { baseUrl: originOf(entry.request.url), request: recorded.request, response: recorded.response, elapsedMs: entry.time };
    }),
  );
  yield* checkRecordings({
    spec,
    source: options.har.join(', '),
    exchanges,
    plugins: await defaultPlugins(),
    ...(options.checks === undefined ? {} : { checks: options.checks }),
    ...(options.excludeChecks === undefined ? {} : { excludeChecks: options.excludeChecks }),
    ...(options.replay === undefined ? {} : { replay: options.replay }),
    ...(options.waivers === undefined ? {} : { waivers: options.waivers }),
    ...(options.failOn === undefined ? {} : { failOn: options.failOn }),
  });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
