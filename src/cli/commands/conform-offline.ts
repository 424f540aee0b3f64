import { createProgress, type RunSummary } from '../../conformance/index.js';
import { resolveSpec, resultOf, streamRecordedConformance } from '../../api/index.js';
import { formatLoadWarnings } from '../../openapi/index.js';
import type { CliIo } from '../io.js';
import { list, type ConformFlags } from './conform-flags.js';
import { reportRun, type ReportRequest } from './conform-reports.js';
import type { GateFlags } from './conform-waivers.js';

/** `conform --har`: the stateless checks over recorded exchanges, with the live run's reports and exit codes. */
export async function runOffline(
  values: ConformFlags,
  gate: GateFlags,
  reports: ReportRequest,
  io: CliIo,
  out: (text: string) => void,
): Promise<number> {
  const spec = await resolveSpec(values.spec);
  const warnings = formatLoadWarnings(spec.source, spec.warnings);
  if (warnings) io.stderr(warnings);
  const progress = createProgress({ write: out, tty: false }, []);
  let summary: RunSummary | undefined;
  let operations: string[] = [];
  for await (const event of streamRecordedConformance({
    spec,
    har: values.har!,
    ...gate,
    ...(values.replay === undefined ? {} : { replay: values.replay }),
    ...(values.checks === undefined ? {} : { checks: list(values.checks) }),
    ...(values['exclude-checks'] === undefined ? {} : { excludeChecks: list(values['exclude-checks']) }),
  })) {
    progress(event);
    if (event.type === 'run-started') operations = event.operations;
    if (event.type === 'run-finished') summary = event.summary;
  }
  const result = await resultOf(summary, operations);
  return reportRun(reports, result.summary, operations, [], out);
}
