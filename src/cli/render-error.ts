import { PlaybackMiss, SpecError, ToolkitError, UpstreamError, UsageError, maskSecrets } from '../core/index.js';

// How the CLI names each kind of toolkit error; any other ToolkitError is an "Error".
const KINDS: ReadonlyArray<readonly [new (...args: never[]) => ToolkitError, string]> = [
  [SpecError, 'Invalid spec'],
  [UpstreamError, 'Target unreachable'],
  [PlaybackMiss, 'Playback miss'],
  [UsageError, 'Usage error'],
];

const LISTEN_CODES = new Set(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']);

/**
 * The one line (exit code 2) that ends a command with an error: `<who>: <kind>: <detail>` for a
 * toolkit error or a port that cannot be bound, the stack for anything else (a bug). Secrets the
 * command knows are masked.
 */
export function renderError(error: unknown, who: string, secrets: readonly string[] = []): string {
  let line: string;
  if (error instanceof ToolkitError) {
    const kind = KINDS.find(([type]) => error instanceof type)?.[1] ?? 'Error';
    line = `${who}: ${kind}: ${error.detail.replace(/\s+/g, ' ')}`;
  } else if (LISTEN_CODES.has((error as NodeJS.ErrnoException)?.code ?? '')) {
    line = `${who}: cannot listen: ${(error as Error).message}`;
  } else {
    line = `${who}: internal error: ${(error as Error)?.stack ?? error}`;
  }
  return maskSecrets(line, secrets) + '\n';
}
