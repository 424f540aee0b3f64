import { describe, expect, it } from 'vitest';
import { renderError } from '../../../src/cli/render-error.js';
import { PlaybackMiss, SpecError, UpstreamError, UsageError } from '../../../src/core/index.js';

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
    expect(renderError(new UsageError('bad key\n  sk-live-123456 given'), 'tool conform', ['sk-live-123456'])).toBe('tool conform: Usage error: bad key *** given\n');
  });

  it('says a port cannot be bound, and prints the stack of anything else (a bug)', () => {
    const busy = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4010'), { code: 'EADDRINUSE' });
    expect(renderError(busy, 'tool')).toBe('tool: cannot listen: listen EADDRINUSE: address already in use 127.0.0.1:4010\n');
    expect(renderError(new TypeError('x is not a function'), 'tool')).toMatch(/^tool: internal error: TypeError: x is not a function\n\s+at /);
  });
});
