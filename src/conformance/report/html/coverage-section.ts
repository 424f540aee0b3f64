import type { Coverage, CoverageCell, CoverageMark, OperationCoverage } from '../../findings/coverage.js';
import type { CoverageVerdict } from '../coverage-gate.js';
import { markup, type SafeHtml } from './escape.js';
import { table } from './table.js';
import { plural } from './plural.js';

const SYMBOL: Record<CoverageMark, string> = { exercised: '✓', 'not-reached': '·', undeclared: '!' };
const MEANING: Record<CoverageMark, string> = {
  exercised: 'exercised',
  'not-reached': 'never reached',
  undeclared: 'answered but not declared',
};

/** The coverage matrix: every operation × response status, each declared media type marked, and the share covered. */
export function coverageSection(coverage: Coverage, gate: CoverageVerdict): SafeHtml {
  const statuses = [...new Set(coverage.matrix.flatMap((row) => row.cells.map((cell) => cell.status)))].sort((a, b) => order(a) - order(b));
  const { responses, operations } = coverage;
  return markup`<section id="coverage" data-test="coverage">
    <h2>Coverage</h2>
    <p class="share" data-test="coverage-share">
      <strong>${coverage.percent}%</strong> of declared responses answered (${responses.exercised} of ${responses.declared}) ·
      ${operations.reached} of ${operations.total} operations reached · ${responses.undeclared} answered but not
      declared${
        gate.minimum === undefined
          ? ''
          : markup` · <span data-test="coverage-gate">minimum ${gate.minimum}%: ${gate.met ? 'met' : 'not met'}</span>`
      }
    </p>
    <p class="legend">
      ${(['exercised', 'not-reached', 'undeclared'] as const).map((mark) => markup`<span data-mark="${mark}">${SYMBOL[mark]} ${MEANING[mark]}</span>`)}
      <span class="muted">blank: not declared for that operation</span>
      <label class="js-only"><input type="checkbox" id="only-gaps" /> only operations with gaps</label>
    </p>
    <div class="matrix-wrap">
      <table class="matrix" data-test="coverage-matrix">
        <thead>
          <tr>
            <th>operation</th>
            ${statuses.map((status) => markup`<th>${status}</th>`)}
            <th>covered</th>
          </tr>
        </thead>
        <tbody>
          ${coverage.matrix.map((row) => matrixRow(row, statuses))}
        </tbody>
      </table>
    </div>
    ${unrouted(coverage)}
  </section>`;
}

function matrixRow(row: OperationCoverage, statuses: readonly string[]): SafeHtml {
  const declared = row.cells.filter((cell) => cell.mark !== 'undeclared');
  const exercised = declared.filter((cell) => cell.mark === 'exercised').length;
  const complete = exercised === declared.length && declared.length === row.cells.length;
  return markup`<tr data-test="coverage-row" data-operation="${row.operation}" class="${complete ? 'complete' : 'gap'}">
    <th scope="row"><code>${row.method}</code> ${row.path}<small>${row.operation}</small></th>
    ${statuses.map((status) => markup`<td>${row.cells.filter((cell) => cell.status === status).map(mark)}`)}
    <td class="number">${exercised}/${declared.length}</td>
  </tr>`;
}

// A document of a thousand operations has thousands of cells: each carries its meaning and status,
// the media type only as its label; a cell's end tag is optional (HTML §13.1.2.4).
function mark(cell: CoverageCell): SafeHtml {
  const received = Object.entries(cell.received).map(([status, count]) => `${status} ×${count}`);
  const title = cell.answers > 0 ? markup` title="${plural(cell.answers, 'answer')}: ${received.join(', ')}"` : '';
  // prettier-ignore
  return markup`<span data-mark="${cell.mark}" data-status="${cell.status}"${title}>${SYMBOL[cell.mark]}${cell.answers > 0 ? ` ${cell.answers}` : ''}<small>${shortMedia(cell.mediaType)}</small></span>`;
}

function unrouted(coverage: Coverage): SafeHtml | undefined {
  if (coverage.unrouted.length === 0) return undefined;
  const rows = coverage.unrouted.map(
    (entry) =>
      markup`<tr data-test="unrouted">
        <td><code>${entry.method}</code> ${entry.path}</td>
        <td>${entry.status}</td>
        <td class="number">${entry.answers}</td>
      </tr>`,
  );
  return markup`<h3>Answered, but no operation of the document matches</h3>
    ${table(['request', 'status', 'answers'], rows)}`;
}

/** `json`, `problem+json`, `text/plain`, `no body`: what fits a matrix cell. */
function shortMedia(mediaType: string | null): string {
  if (mediaType === null) return 'no body';
  return mediaType.startsWith('application/') ? mediaType.slice('application/'.length) : mediaType;
}

/** Codes in order, a `4XX` range after the 4xx codes, `default` last. */
function order(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/i.test(status)) return Number(status[0]) * 100 + 99.5;
  return 1000;
}
