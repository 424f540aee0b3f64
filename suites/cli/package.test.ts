import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { HARNESS } from '../helpers/apps-ids.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The README's ```ts block that begins `// contract.test.ts`. */
function readmeLibraryExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```ts\n(\/\/ contract\.test\.ts[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('the README has no ```ts block beginning "// contract.test.ts"');
  return block[1]!;
}

// The published package must run by npx from its tarball alone: runtime dependencies only, no
// dev tools, no optional native build; its library entry must run the README's example. This is
// slow (an npm install), so it is one test.
describe('npm pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'everruns-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('produces a tarball whose library runs the README example and whose bin starts the mock in an empty folder', async () => {
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'ignore' });
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--omit=dev', '--omit=optional', '--no-audit', '--no-fund', `./${tarball}`], {
      cwd: dir,
      stdio: 'ignore',
    });

    // The library entry point resolves from the installed package too, the bundled document with it.
    const exported = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('everruns-contract'); const fs = await import('node:fs'); console.log([typeof m.startMock, typeof m.runConformance, typeof m.streamConformance, typeof m.RequestVerificationError, typeof m.createMockServer, typeof m.loadSpec, fs.existsSync(m.BUNDLED_SPEC_PATH)].join(','))",
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(exported.trim()).toBe('function,function,function,function,function,function,true');

    // Help examples name the shipped files where this installation has them.
    const help = execFileSync('npx', ['everruns-contract', 'mock', '--help'], { cwd: dir, encoding: 'utf8' });
    expect(help).toContain('--load node_modules/everruns-contract/fixtures/demo.json');
    expect(existsSync(join(dir, 'node_modules/everruns-contract/fixtures/demo.json'))).toBe(true);

    // The README's library example, as a consumer's vitest file importing only the public entry.
    // The consumer's vitest is this repository's, linked in: the registry is not the thing under test.
    writeFileSync(join(dir, 'contract.test.ts'), readmeLibraryExample());
    symlinkSync(join(ROOT, 'node_modules/vitest'), join(dir, 'node_modules/vitest'), 'dir');
    const vitest = execFileSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, 'contract.test.ts'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(vitest).toMatch(/Tests\s+4 passed \(4\)/);

    const child = spawn('npx', ['everruns-contract', 'mock', '--port', '0', '--quiet'], { cwd: dir, detached: true });
    try {
      const [url, dashboard] = await new Promise<[string, string]>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)[\s\S]*dashboard: (http:\/\/\S+)/.exec(output);
          if (match) resolve([match[1]!, match[2]!]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const created = await request(`${url}/v1/apps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Packed', harness_id: HARNESS }),
      });
      expect(created.statusCode).toBe(201);
      const app = (await created.body.json()) as { id: string; self_url: string };
      const read = await request(app.self_url);
      expect(read.statusCode).toBe(200);
      expect(((await read.body.json()) as { name: string }).name).toBe('Packed');
      // The dashboard's page and the libraries it loads come from the installed package alone.
      expect(dashboard).toBe(`${url}/__mock/`);
      for (const file of ['', 'app.js', 'dashboard.css', 'vendor/preact.js', 'vendor/preact-hooks.js', 'vendor/htm.js', 'vendor/uplot.js', 'vendor/uplot.css']) {
        const asset = await request(`${dashboard}${file}`);
        expect(asset.statusCode, file).toBe(200);
        await asset.body.dump();
      }
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 180_000);
});
