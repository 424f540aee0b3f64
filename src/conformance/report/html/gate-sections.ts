import type { WaiverStatus } from '../../findings/waivers.js';
import type { Gate } from '../gate.js';
import { markup, type SafeHtml } from './escape.js';
import { causeArticles } from './findings-section.js';
import type { RenderContext } from './finding-details.js';

/**
 * The document warnings (what the document, not the target, causes), each cause with its details;
 * none when there are none. They fail the gate only with `--fail-on warning`.
 */
export function documentWarningsSection(gate: Gate, failing: boolean, context: RenderContext): SafeHtml[] {
  if (gate.warnings.length === 0) return [];
  return [
    markup`<section id="document-warnings" data-test="document-warnings">
      <h2>Document warnings (${gate.warnings.length})</h2>
      <p class="muted">Gaps in the document rather than defects of the server; ${failing ? '--fail-on warning fails the gate on them' : 'they fail the gate only with --fail-on warning'}.</p>
      ${causeArticles(gate.warnings, context)}
    </section>`,
  ];
}

/** The findings a waiver accepts, with its reason and end, and the waivers that expired or accepted nothing. */
export function waivedSection(gate: Gate, context: RenderContext): SafeHtml[] {
  const waivers = [...gate.expiredWaivers, ...gate.unusedWaivers];
  if (gate.waived.length === 0 && waivers.length === 0) return [];
  return [
    markup`<section id="waived" data-test="waived">
      <h2>Waived (${gate.waived.length})</h2>
      <p class="muted">Findings a waiver accepts: shown, not failing the gate.</p>
      <ul>
        ${gate.waived.map(
          (finding) =>
            markup`<li data-test="waived-finding"><code>${finding.check}</code> ${finding.operation}: ${finding.title} <span class="muted">(key ${finding.key})</span> — ${finding.waived!.reason} <span class="muted">(until ${finding.waived!.expires})</span></li>`,
        )}
        ${waivers.map((waiver) => markup`<li data-test="waiver-${waiver.state === 'expired' ? 'expired' : 'unused'}">${waiverLine(waiver)}</li>`)}
      </ul>
      ${causeArticles(gate.waived, context)}
    </section>`,
  ];
}

function waiverLine(waiver: WaiverStatus): SafeHtml {
  const scope = markup`<code>${waiver.check}</code>${waiver.operation ? ` ${waiver.operation}` : ''}${waiver.key ? ` key ${waiver.key}` : ''}`;
  return waiver.state === 'expired'
    ? markup`Expired waiver: ${scope} (${waiver.reason}) ended on ${waiver.expires}; what it accepted fails again`
    : markup`Unused waiver: ${scope} (${waiver.reason}) accepted no finding in this run`;
}
