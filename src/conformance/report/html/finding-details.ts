import { TOOL } from '../../../core/index.js';
import type { Exchange } from '../../findings/exchange.js';
import type { ReportedFinding } from '../../findings/finding.js';
import { quote, toCurl } from '../curl.js';
import { markup, type SafeHtml } from './escape.js';
import { table } from './table.js';

// Bodies are cut here: the report stays small; the JSON report keeps more.
const MAX_BODY_CHARS = 4_000;

/** Numbers the report's copyable blocks, so each Copy button names its own. */
export class BlockIds {
  #next = 0;

  next(): string {
    this.#next += 1;
    return `block-${this.#next}`;
  }
}

/** What every part of the report is rendered with. */
export interface RenderContext {
  ids: BlockIds;
  /** How a replay command starts (see {@link rerunCommand}). */
  rerun: string;
  secrets: readonly string[];
}

/** One finding of a cause: expected against received, its violations, the numbered reproduction and the replay command. */
export function findingDetails(finding: ReportedFinding, open: boolean, context: RenderContext): SafeHtml {
  const operation = finding.evidence[0]?.operation;
  const where = operation ? `${operation.method} ${operation.path}` : '';
  return markup`<details class="finding" data-test="finding" data-operation="${finding.operation}" ${open ? markup` open` : ''}>
    <summary>${finding.operation} <span class="muted">${where}${finding.count > 1 ? ` · seen ${finding.count} times` : ''}</span></summary>
    <dl class="contrast">
      <dt>Expected</dt>
      <dd data-test="expected">${finding.expected}</dd>
      <dt>Received</dt>
      <dd data-test="received">${finding.received}</dd>
    </dl>
    ${violations(finding)}
    <h4>Reproduce</h4>
    <ol class="reproduction">
      ${finding.evidence.map((exchange) => step(exchange, context))}
    </ol>
    ${finding.replay ? replay(finding.replay, context) : ''}
    ${elsewhere(finding, context)}
  </details>`;
}

// Operations an api-wide cause was also seen on, named before the list is cut.
const MAX_OPERATIONS_NAMED = 12;

/** For a cause every operation shares: where else it was seen, and a few of those cases to run again. */
function elsewhere(finding: ReportedFinding, context: RenderContext): SafeHtml | undefined {
  const others = finding.operations.slice(1);
  if (others.length === 0) return undefined;
  const named = others.slice(0, MAX_OPERATIONS_NAMED).join(', ');
  const more = others.length > MAX_OPERATIONS_NAMED ? ` and ${others.length - MAX_OPERATIONS_NAMED} more` : '';
  return markup`<h4>Also seen on</h4>
    <p data-test="also-on">${named}${more}</p>
    ${finding.occurrences.map(
      (occurrence) => markup`<div class="occurrence" data-test="occurrence" data-operation="${occurrence.operation}">
        <p><strong>${occurrence.operation}</strong></p>
        ${occurrence.evidence[0] ? command(toCurl(occurrence.evidence[0].request, context.secrets), context.ids) : ''}
        ${occurrence.replay ? replay(occurrence.replay, context) : ''}
      </div>`,
    )}`;
}

function violations(finding: ReportedFinding): SafeHtml | undefined {
  const list = finding.violations ?? [];
  if (list.length === 0) return undefined;
  const rows = list.map(
    (violation) =>
      markup`<tr data-test="violation">
        <td>${violation.in}</td>
        <td><code>${violation.pointer || '(root)'}</code></td>
        <td><code>${violation.keyword}</code></td>
        <td>${violation.message}</td>
        <td>${violation.schema ? markup`<code>${violation.schema}</code>` : ''}</td>
      </tr>`,
  );
  return table(['in', 'pointer', 'keyword', 'message', 'rule in the document'], rows, 'violations');
}

function step(exchange: Exchange, context: RenderContext): SafeHtml {
  const { response } = exchange;
  const body = response.body.length > 0 ? readable(response.body.toString('utf8')) : '';
  const headers = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
  const summary = response.status === 0 ? 'no response' : `${response.status} ${response.headers['content-type'] ?? ''}`.trim();
  return markup`<li class="step" data-test="reproduction">
    ${command(toCurl(exchange.request, context.secrets), context.ids)}
    <details>
      <summary>→ ${summary}</summary>
      <pre>${[...headers, '', body].join('\n')}</pre>
    </details>
  </li>`;
}

function replay(at: NonNullable<ReportedFinding['replay']>, context: RenderContext): SafeHtml {
  return markup`<p>Run exactly this case again (add the run's credentials):</p>
    <div data-test="replay">${command(`${context.rerun} --seed ${at.seed} --replay ${at.path}`, context.ids)}</div>`;
}

/** A command in a block of its own, with a button that copies it. */
export function command(text: string, ids: BlockIds): SafeHtml {
  const id = ids.next();
  return markup`<div class="command">
    <pre id="${id}">${text}</pre>
    <button type="button" class="copy js-only" data-copy="${id}">Copy</button>
  </div>`;
}

/** How a replay command starts: the run's target, and its document when it was not the bundled one. */
export function rerunCommand(target: string, spec?: string): string {
  return `npx ${TOOL.name} conform --target ${quote(target)}${spec === undefined ? '' : ` --spec ${quote(spec)}`}`;
}

/** JSON pretty-printed, anything cut at {@link MAX_BODY_CHARS}. */
function readable(text: string): string {
  let shown = text;
  // A body far past the cut is not worth parsing only to be cut.
  if (text.length <= MAX_BODY_CHARS * 4) {
    try {
      shown = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON: shown as it came.
    }
  }
  return shown.length > MAX_BODY_CHARS ? `${shown.slice(0, MAX_BODY_CHARS)}…` : shown;
}
