import { maskSecrets } from '../../core/index.js';
import type { RunEvent } from '../run/events.js';

// Without a terminal (CI logs), a long stateful phase prints a line this often instead of redrawing one.
const PLAIN_PHASE_EVERY_MS = 10_000;

/** Where progress goes; `tty` selects one updating line instead of plain lines. */
export interface ProgressOutput {
  write(text: string): void;
  tty: boolean;
}

/** Renders run events as they come: an updating line on a terminal, one plain line per step in CI. */
export function createProgress(output: ProgressOutput, secrets: readonly string[]): (event: RunEvent) => void {
  let totals = new Map<string, { passed: number; failed: number; warned?: number }>();
  let findings = 0;
  let lastPlainPhaseLine = 0;
  const write = (text: string) => output.write(maskSecrets(text, secrets));
  return (event) => {
    switch (event.type) {
      case 'run-started':
        write(
          `conform ${event.target}: ${event.operations.length} operations, ${event.checks.length} checks, seed ${event.seed}${event.readOnly ? ', read-only' : ''}\n`,
        );
        totals = new Map(event.checks.map((check) => [check, { passed: 0, failed: 0 }]));
        break;
      case 'check-progressed':
        totals.set(event.check, { passed: event.passed, failed: event.failed, ...(event.warned ? { warned: event.warned } : {}) });
        break;
      case 'operation-finished': {
        const line = `[${event.done}/${event.total}] ${event.operation} (${event.mode}): ${event.requests} requests; ${findings} finding${findings === 1 ? '' : 's'} so far`;
        if (output.tty) write(`\r\x1b[2K${line}`);
        else write(`${line}\n`);
        break;
      }
      case 'phase-progressed': {
        // The stateful sequences report only when they end: until then the line says how far they are.
        const line = `stateful sequences (${event.checks.length} checks): ${event.requests} requests, ${(event.elapsedMs / 1000).toFixed(1)} s; ${findings} finding${findings === 1 ? '' : 's'} so far`;
        if (event.elapsedMs < lastPlainPhaseLine) lastPlainPhaseLine = 0; // a new phase
        if (output.tty) write(`\r\x1b[2K${line}`);
        else if (event.elapsedMs - lastPlainPhaseLine >= PLAIN_PHASE_EVERY_MS) {
          lastPlainPhaseLine = event.elapsedMs;
          write(`${line}\n`);
        }
        break;
      }
      case 'finding-reported': {
        const warning = event.finding.severity === 'warning';
        if (!warning) findings += 1;
        write(
          `${output.tty ? '\r\x1b[2K' : ''}${warning ? '! document warning' : '✗'} [${event.finding.check}] ${event.finding.operation}: ${event.finding.title}\n`,
        );
        break;
      }
      case 'run-warned':
        write(`${output.tty ? '\r\x1b[2K' : ''}warning: ${event.message}\n`);
        break;
      case 'run-finished':
        if (output.tty) write('\r\x1b[2K');
        for (const [check, counts] of totals) {
          const mark = counts.failed > 0 ? '✗' : counts.warned ? '!' : '✓';
          write(`${mark} ${check}: ${counts.passed} passed, ${counts.failed} failed${counts.warned ? `, ${counts.warned} warned` : ''}\n`);
        }
        write('\n');
        break;
      default:
        break;
    }
  };
}
