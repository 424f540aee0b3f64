import { describe, expect, it } from 'vitest';
import { paintFor, paintLogLine, paintReport } from '../../../src/cli/colour.js';
import { closest } from '../../../src/cli/suggest.js';
import type { CliIo } from '../../../src/cli/io.js';

const io = (tty: boolean, env: Record<string, string> = {}): CliIo => ({
  stdout: () => {},
  stderr: () => {},
  stopSignal: new Promise(() => {}),
  tty,
  env,
});
const ANSI = /\x1b\[/;

describe('colour on a terminal only', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('tty %s with %j: colour %s', (tty, env, on) => {
    expect(paintFor(io(tty, env)).on).toBe(on);
  });

  it('colours a log line by status class and dims its time, leaving the text the same', () => {
    const paint = paintFor(io(true));
    for (const [status, code] of [
      ['201', 32],
      ['404', 33],
      ['500', 31],
      ['reset', 31],
    ] as const) {
      const line = `2026-12-01T10:00:00.000Z POST /v1/apps ${status} 0.4ms`;
      const painted = paintLogLine(line, paint);
      expect(painted).toContain(`\x1b[${code}m${status}\x1b[39m`);
      expect(painted.replace(/\x1b\[\d+m/g, '')).toBe(line);
    }
    expect(paintLogLine('POST /v1/apps 201 0.4ms', paintFor(io(false)))).not.toMatch(ANSI);
  });

  it('colours what held green and what broke red in conform output', () => {
    const paint = paintFor(io(true));
    const text =
      '✓ status_code_conformance: 3 passed, 0 failed\n✗ not_a_server_error: 1 passed, 2 failed\n1. [x] get_app: broken\nplain line\n';
    const painted = paintReport(text, paint);
    expect(painted).toContain('\x1b[32m✓ status_code_conformance');
    expect(painted).toContain('\x1b[31m✗ not_a_server_error');
    expect(painted).toContain('\x1b[31m1. [x] get_app');
    expect(painted).toContain('\nplain line\n');
    expect(paintReport(text, paintFor(io(false)))).toBe(text);
  });

  it('colours document warnings and waivers yellow, a pass with them green, an interrupted run red', () => {
    const paint = paintFor(io(true));
    const text = [
      '! document warning [status_code_conformance] listRepos: No status declared for rejecting invalid input',
      '! status_code_conformance: 3 passed, 0 failed, 2 warned',
      'W1. [status_code_conformance] listRepos: No status declared for rejecting invalid input',
      'expired waiver: [links_resolve] (old) ended on 2020-01-01; what it accepted fails again',
      'passed with 1 document warning: 12 requests in 0.1s against http://127.0.0.1:1 (seed 1)',
      'interrupted, not passed: 3 requests in 0.1s against http://127.0.0.1:1 (seed 1), interrupted',
      '2 findings, 1 document warning: 9 requests',
    ].join('\n');
    const lines = paintReport(text, paint).split('\n');
    expect(lines.slice(0, 4).every((line) => line.startsWith('\x1b[33m'))).toBe(true);
    expect(lines[4]).toMatch(/^\x1b\[32m/);
    expect(lines[5]).toMatch(/^\x1b\[31m/);
    expect(lines[6]).toMatch(/^\x1b\[31m/);
  });
});

describe('did you mean', () => {
  it.each([
    ['prot', ['port', 'host'], 'port'],
    ['mokc', ['mock', 'conform', 'record'], 'mock'],
    ['no-dashbord', ['no-dashboard', 'no-security'], 'no-dashboard'],
    ['serve', ['mock', 'conform', 'record'], undefined],
    ['x', ['port'], undefined],
  ])('%s among %j is %s', (name, candidates, expected) => {
    expect(closest(name, candidates)).toBe(expected);
  });
});
