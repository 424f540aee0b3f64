import type { GetVerdict } from '../../suites/helpers/exercise-gets.js';

export interface ServerResult {
  ran: boolean;
  started: boolean;
  reason: string | undefined;
  /** Each judged answer, with the cause another slice of issue 10 owns when one applies to its operation. */
  verdicts: Array<GetVerdict & { cause: string | undefined }>;
  /** The process ended by itself while being measured. */
  crashed: boolean;
}

export interface DocumentResult {
  id: string;
  /** `swagger 2.0` for documents the directory converted from Swagger, else `openapi 3.x`. */
  origin: string;
  loadError: string | undefined;
  warnings: number;
  unfillable: number;
  unsatisfiable: number;
  ours: ServerResult;
  prism: ServerResult;
}

interface Figures {
  started: number;
  /** GETs no cause owned elsewhere applies to, and how many of those were answered right. */
  ownGets: number;
  ownValid: number;
  gets: number;
  declared: number;
  valid: number;
  serverErrors: number;
  noAnswer: number;
  crashes: number;
}

function figures(results: DocumentResult[], side: 'ours' | 'prism'): Figures {
  const verdicts = results.flatMap((result) => result[side].verdicts);
  const own = verdicts.filter((verdict) => verdict.cause === undefined);
  return {
    started: results.filter((result) => result[side].started).length,
    ownGets: own.length,
    ownValid: own.filter((verdict) => verdict.declaredStatus && verdict.validBody).length,
    gets: verdicts.length,
    declared: verdicts.filter((verdict) => verdict.declaredStatus).length,
    valid: verdicts.filter((verdict) => verdict.declaredStatus && verdict.validBody).length,
    serverErrors: verdicts.filter((verdict) => verdict.status >= 500).length,
    noAnswer: verdicts.filter((verdict) => verdict.status === 0).length,
    crashes: results.filter((result) => result[side].crashed).length,
  };
}

const share = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);

/** The figures side by side, then what this mock got wrong, one line each. */
export function renderReport(results: DocumentResult[], options: { draw: number; seed: number; failures: number; prism: boolean }): string {
  const swagger = results.filter((result) => result.origin.startsWith('swagger')).length;
  // GET figures compare like with like: only documents both servers started on.
  const both = results.filter((result) => result.ours.started && (!options.prism || result.prism.started));
  const ours = figures(both, 'ours');
  const prism = figures(both, 'prism');
  const oursAll = figures(results, 'ours');
  const prismAll = figures(results, 'prism');
  const row = (label: string, a: string, b: string) => `| ${label.padEnd(44)} | ${a.padEnd(22)} | ${b.padEnd(22)} |\n`;
  let text = `\nAPIs.guru draw: ${results.length} documents, seed ${options.seed} (${swagger} converted from Swagger 2.0 by the directory)\n\n`;
  text += row('', 'everruns-contract mock --stateless', options.prism ? 'Prism' : '(Prism not run)');
  text += `|${'-'.repeat(46)}|${'-'.repeat(24)}|${'-'.repeat(24)}|\n`;
  text += row('documents started', `${oursAll.started} / ${results.length}`, `${prismAll.started} / ${results.length}`);
  text += row('crashes (process ended while serving)', String(oursAll.crashes), String(prismAll.crashes));
  text += row(`valid GETs sent (${both.length} documents both started)`, String(ours.gets), String(prism.gets));
  text += row(
    'answered with the declared status',
    `${ours.declared} (${share(ours.declared, ours.gets)})`,
    `${prism.declared} (${share(prism.declared, prism.gets)})`,
  );
  text += row(
    '… and a schema-valid body',
    `${ours.valid} (${share(ours.valid, ours.gets)})`,
    `${prism.valid} (${share(prism.valid, prism.gets)})`,
  );
  text += row(
    `… of the ${ours.ownGets} no known cause applies to`,
    `${ours.ownValid} (${share(ours.ownValid, ours.ownGets)})`,
    `${prism.ownValid} (${share(prism.ownValid, prism.ownGets)})`,
  );
  text += row('5xx answers', String(ours.serverErrors), String(prism.serverErrors));
  text += row('no answer', String(ours.noAnswer), String(prism.noAnswer));
  const skipped = results.reduce((sum, result) => sum + result.unfillable + result.unsatisfiable, 0);
  text += `\nNot sent: ${skipped} GETs whose parameters could not be generated or whose success schema admits no value.\n`;
  const missed = results.filter((result) => options.prism && result.prism.started && !result.ours.started);
  text += `Documents Prism started on and this mock did not: ${missed.length === 0 ? 'none' : ''}\n`;
  for (const result of missed) text += `  ${result.id}: ${result.loadError ?? result.ours.reason}\n`;
  const refused = results.filter((result) => !result.ours.started && !missed.includes(result));
  if (refused.length > 0) text += `Documents neither started on:\n`;
  for (const result of refused) text += `  ${result.id}: ${result.loadError ?? result.ours.reason} | Prism: ${result.prism.reason}\n`;
  for (const result of results.filter((entry) => entry.ours.crashed)) text += `CRASH ${result.id}: ${result.ours.reason}\n`;
  const wrong = both.flatMap((result) =>
    result.ours.verdicts.filter((verdict) => !verdict.declaredStatus || !verdict.validBody).map((verdict) => ({ id: result.id, verdict })),
  );
  const causes = new Map<string, number>();
  for (const { verdict } of wrong) if (verdict.cause) causes.set(verdict.cause, (causes.get(verdict.cause) ?? 0) + 1);
  text += `\nGETs this mock answered wrongly: ${wrong.length}, of which for causes other slices of issue 10 own:\n`;
  for (const [cause, count] of causes) text += `  ${count}  ${cause}\n`;
  const unexplained = wrong.filter(({ verdict }) => verdict.cause === undefined);
  text += `The other ${unexplained.length}${unexplained.length > options.failures ? ` (first ${options.failures})` : ''}:\n`;
  for (const { id, verdict } of unexplained.slice(0, options.failures)) {
    text += `  ${id} GET ${verdict.target.slice(0, 100)} → ${verdict.status}: ${(verdict.problem ?? '').replace(/\s+/g, ' ').slice(0, 200)}\n`;
  }
  return text;
}
