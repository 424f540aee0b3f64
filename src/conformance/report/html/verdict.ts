import type { RunSummary } from '../../run/events.js';
import { describeCoverage, type CoverageVerdict } from '../coverage-gate.js';
import type { Gate } from '../gate.js';
import { markup, type SafeHtml } from './escape.js';
import { table } from './table.js';
import { plural } from './plural.js';

/** The verdict banner: passed or failed and why, what was run, and the links to the sections. */
export function verdictHeader(summary: RunSummary, gate: Gate, coverage: CoverageVerdict): SafeHtml {
  const failed = !gate.passed || !coverage.met;
  const findings = gate.errors.length;
  const reasons = [
    findings === 0 ? 'every check held' : plural(findings, 'finding'),
    ...(gate.warnings.length > 0 ? [plural(gate.warnings.length, 'document warning')] : []),
    ...(gate.waived.length > 0 ? [`${gate.waived.length} waived`] : []),
    ...(coverage.reason ? [coverage.reason] : []),
    ...(summary.interrupted ? ['interrupted, not passed'] : []),
    ...(summary.unresponsive ? ['the target stopped answering'] : []),
  ];
  const seconds = (summary.durationMs / 1000).toFixed(1);
  return markup`<header class="verdict${failed ? ' failed' : ''}" data-test="verdict" data-passed="${String(!failed)}">
      <h1>${failed ? 'Failed' : 'Passed'}: ${reasons.join('; ')}</h1>
      <p>
        ${summary.target} · seed ${summary.seed} · ${plural(summary.requests, 'request')} in ${seconds}s · coverage
        ${describeCoverage(summary.coverage)}
      </p>
    </header>
    <nav>
      <a href="#checks">Checks</a><a href="#findings">Findings (${findings})</a
      >${gate.warnings.length > 0 ? markup`<a href="#document-warnings">Document warnings (${gate.warnings.length})</a>` : ''}${
        gate.waived.length > 0 ? markup`<a href="#waived">Waived (${gate.waived.length})</a>` : ''
      }<a href="#coverage">Coverage (${summary.coverage.percent}%)</a>
    </nav>`;
}

/** The run at a glance: each check's passed, failed (and warned) exchanges beside the share of the document covered. */
export function overviewSection(summary: RunSummary, gate: CoverageVerdict): SafeHtml {
  const { coverage } = summary;
  const warned = summary.checks.some((totals) => (totals.warned ?? 0) > 0);
  const rows = summary.checks.map(
    (totals) =>
      markup`<tr data-test="check-row" data-check="${totals.check}">
        <th scope="row"><code>${totals.check}</code></th>
        <td class="number">${totals.passed}</td>
        <td class="number${totals.failed > 0 ? ' failed-count' : ''}">${totals.failed}</td>
        ${warned ? markup`<td class="number">${totals.warned ?? 0}</td>` : ''}
      </tr>`,
  );
  return markup`<section id="checks" class="overview">
    <div>
      <h2>Checks</h2>
      ${table(['check', 'passed', 'failed', ...(warned ? ['warned'] : [])], rows)}
    </div>
    <div>
      <h2>Covered</h2>
      <p class="big">${coverage.percent}%</p>
      <meter min="0" max="100" value="${coverage.percent}"${gate.minimum === undefined ? '' : markup` low="${gate.minimum}" optimum="100"`}></meter>
      <p>
        of the declared responses answered (${coverage.responses.exercised} of ${coverage.responses.declared});
        ${coverage.operations.reached} of ${coverage.operations.total} operations reached${gate.minimum === undefined ? '' : `; minimum ${gate.minimum}% ${gate.met ? 'met' : 'not met'}`}.
        <a href="#coverage">The matrix</a>
      </p>
    </div>
  </section>`;
}
