import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFORM_FLAGS } from '../../src/cli/commands/conform-flags.js';
import { MOCK_FLAGS } from '../../src/cli/commands/mock.js';
import { RECORD_FLAGS } from '../../src/cli/commands/record.js';
import { startMock } from '../../src/api/index.js';
import { runMain } from '../helpers/run-main.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const TABLES = { mock: MOCK_FLAGS, conform: CONFORM_FLAGS, record: RECORD_FLAGS } as const;

describe('every flag is documented', () => {
  it.each(Object.entries(TABLES))(
    '%s --help names each flag, its short form, the environment and the config file',
    async (command, table) => {
      const { stdout, code } = await runMain([command, '--help']);
      expect(code).toBe(0);
      for (const [name, option] of Object.entries(table) as Array<[string, { short?: string }]>) {
        expect(stdout, name).toContain(`--${name}`);
        if (option.short) expect(stdout, name).toContain(`-${option.short}, --${name}`);
      }
      expect(stdout).toContain('EVERRUNS_CONTRACT_');
      expect(stdout).toContain('everruns-contract.config.json');
    },
  );

  it("lists each mock flag in the README's options table", () => {
    const table = README.slice(README.indexOf('### Options'), README.indexOf('### Documents accepted'));
    for (const name of Object.keys(MOCK_FLAGS)) expect(table, name).toMatch(new RegExp('`(-\\w, )?--' + name + '[ `]'));
  });

  it('names each short flag in the README', () => {
    for (const table of Object.values(TABLES))
      for (const [name, option] of Object.entries(table) as Array<[string, { short?: string }]>)
        if (option.short) expect(README, name).toContain(`| \`-${option.short}\` | \`--${name}\` |`);
  });
});

describe('CORS', () => {
  it('answers a cross-origin call with CORS headers, and none with --no-cors', async () => {
    const open = await startMock({ dashboard: false });
    const closed = await startMock({ dashboard: false, cors: false });
    try {
      const origin = { origin: 'https://app.example' };
      expect((await fetch(`${open.url}/v1/apps`, { headers: origin })).headers.get('access-control-allow-origin')).toBe('*');
      expect((await fetch(`${closed.url}/v1/apps`, { headers: origin })).headers.get('access-control-allow-origin')).toBeNull();
      const preflight = { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST' } };
      expect((await fetch(`${open.url}/v1/apps`, preflight)).headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect((await fetch(`${closed.url}/v1/apps`, preflight)).headers.get('access-control-allow-methods')).toBeNull();
    } finally {
      await Promise.all([open.close(), closed.close()]);
    }
  });
});
