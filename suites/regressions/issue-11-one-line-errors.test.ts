import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectOneLineFailure, runMain } from '../helpers/run-main.js';
import { tempDir } from '../helpers/temp-dir.js';

// Issue 11: stack traces for a bad --host and for --record, no "did you mean", nothing to do about
// a busy port, and each command prefixing its errors its own way.
describe('issue 11: every failure is one line that says what to do', () => {
  it('names a --host that does not resolve, without a stack', async () => {
    expectOneLineFailure(
      await runMain(['mock', '--host', '999.1.1.1', '--port', '0']),
      /^everruns-contract mock: cannot listen: cannot resolve --host 999\.1\.1\.1/,
    );
  });

  it('suggests --port 0 for a port in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = busy.address() as { port: number };
      expectOneLineFailure(
        await runMain(['mock', '--port', String(port), '--quiet']),
        /127\.0\.0\.1:\d+ is already in use; .*--port 0 for a free one$/,
      );
    } finally {
      busy.close();
    }
  });

  it('refuses a --record path whose folder cannot be made, in one line', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expectOneLineFailure(
      await runMain(['conform', '--target', 'http://127.0.0.1:9', '--record', join(file, 'x.har')]),
      /^everruns-contract conform: Usage error: cannot create the folder for .*a-file\/x\.har: (ENOTDIR|EEXIST)$/,
    );
  });

  it.each([
    [['mock', '--prot', '4010'], /unknown flag --prot \(did you mean --port\?\)/],
    [['mock', '--no-dashbord'], /unknown flag --no-dashbord \(did you mean --no-dashboard\?\)/],
    [['conform', '--targt', 'http://x'], /unknown flag --targt \(did you mean --target\?\)/],
    [['record', '--otu', 'x.har'], /unknown flag --otu \(did you mean --out\?\)/],
    [['mock', '-x'], /unknown flag -x/],
    [['mokc'], /unknown command 'mokc' \(did you mean mock\?\)/],
    [['confrom'], /unknown command 'confrom' \(did you mean conform\?\)/],
    [['serve'], /unknown command 'serve' \(try --help\)/],
  ])('says what %j meant', async (argv, mention) => {
    expectOneLineFailure(await runMain(argv), mention);
  });

  it.each([
    ['mock', ['--port', 'abc']],
    ['conform', ['--runs', 'abc', '--target', 'http://127.0.0.1:9']],
    ['record', ['--port', 'abc', '--target', 'http://127.0.0.1:9', '--out', 'x.har']],
  ])('prefixes %s errors as every command does: "everruns-contract <command>: <kind>: <detail>"', async (command, flags) => {
    expectOneLineFailure(
      await runMain([command, ...flags]),
      new RegExp(`^everruns-contract ${command}: Usage error: --\\w+ must be a whole number, got 'abc'$`),
    );
  });
});
