import { describe, expect, it } from 'vitest';
import { renderError } from '../../../src/cli/render-error.js';
import { PlaybackMiss, SpecError, UpstreamError, UsageError } from '../../../src/core/index.js';

/** A failure as Node's net and dns modules raise it: a code, the call that failed and where. */
function systemError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('renderError', () => {
  it.each([
    [new UsageError('--port must be a whole number'), 'tool: Usage error: --port must be a whole number\n'],
    [new SpecError('spec.yaml: not OpenAPI'), 'tool: Invalid spec: spec.yaml: not OpenAPI\n'],
    [new UpstreamError('cannot reach http://127.0.0.1:1'), 'tool: Target unreachable: cannot reach http://127.0.0.1:1\n'],
    [new PlaybackMiss('nothing recorded for GET /x'), 'tool: Playback miss: nothing recorded for GET /x\n'],
  ])('names the kind of toolkit error: %s', (error, line) => {
    expect(renderError(error, 'tool')).toBe(line);
  });

  it('keeps the line one line and masks the secrets it is given', () => {
    expect(renderError(new UsageError('bad key\n  sk-live-123456 given'), 'tool conform', ['sk-live-123456'])).toBe(
      'tool conform: Usage error: bad key *** given\n',
    );
  });

  it('says what to do about an address that cannot be bound: a busy port suggests --port 0', () => {
    const busy = systemError('listen EADDRINUSE: address already in use 127.0.0.1:4010', {
      code: 'EADDRINUSE',
      syscall: 'listen',
      address: '127.0.0.1',
      port: 4010,
    });
    expect(renderError(busy, 'tool')).toBe(
      'tool: cannot listen: 127.0.0.1:4010 is already in use; stop what listens there, pick another --port, or use --port 0 for a free one\n',
    );
    const denied = systemError('listen EACCES: permission denied 0.0.0.0:80', {
      code: 'EACCES',
      syscall: 'listen',
      address: '0.0.0.0',
      port: 80,
    });
    expect(renderError(denied, 'tool')).toMatch(/^tool: cannot listen: permission denied for 0\.0\.0\.0:80; .*--port 0\n$/);
  });

  it('names a --host that does not resolve, in one line', () => {
    const unknown = systemError('getaddrinfo ENOTFOUND 999.1.1.1', { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: '999.1.1.1' });
    expect(renderError(unknown, 'tool mock')).toBe(
      'tool mock: cannot listen: cannot resolve --host 999.1.1.1: it is neither an IP address nor a known host name\n',
    );
  });

  it('prints any other system error as one line, and the stack only for a bug', () => {
    const missing = systemError("ENOENT: no such file or directory, open 'reports/x.har'", {
      code: 'ENOENT',
      syscall: 'open',
      path: 'reports/x.har',
    });
    expect(renderError(missing, 'tool')).toBe("tool: System error: ENOENT: no such file or directory, open 'reports/x.har'\n");
    expect(renderError(new TypeError('x is not a function'), 'tool')).toMatch(
      /^tool: internal error: TypeError: x is not a function\n\s+at /,
    );
  });
});
