import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envName, flagLabel, integerFlag, parseCommandFlags } from '../../../src/cli/args.js';
import type { CommandName } from '../../../src/cli/command-names.js';
import { CONFORM_FLAGS } from '../../../src/cli/commands/conform-flags.js';
import { MOCK_FLAGS } from '../../../src/cli/commands/mock.js';
import { RECORD_FLAGS } from '../../../src/cli/commands/record.js';
import type { CliIo } from '../../../src/cli/io.js';
import { tempDir } from '../../helpers/temp-dir.js';

type Table = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
const TABLES: Array<[CommandName, Table]> = [
  ['mock', MOCK_FLAGS],
  ['conform', CONFORM_FLAGS],
  ['record', RECORD_FLAGS],
];

/** An io whose working directory holds `config` as everruns-contract.config.json. */
function ioWith(env: Record<string, string>, config?: object): CliIo {
  const cwd = tempDir();
  if (config) writeFileSync(join(cwd, 'everruns-contract.config.json'), JSON.stringify(config));
  return { stdout: () => {}, stderr: () => {}, stopSignal: new Promise(() => {}), env, cwd };
}

/** The three forms of one flag's value: in the file, in the environment, on the command line. */
function forms(name: string, option: Table[string]) {
  if (option.type === 'boolean') return { file: true, env: '0', argv: [`--${name}`], expected: { file: true, env: false, argv: true } };
  if (option.multiple)
    return {
      file: ['from-file'],
      env: '["from-env"]',
      argv: [`--${name}`, 'from-argv'],
      expected: { file: ['from-file'], env: ['from-env'], argv: ['from-argv'] },
    };
  return {
    file: 'from-file',
    env: 'from-env',
    argv: [`--${name}`, 'from-argv'],
    expected: { file: 'from-file', env: 'from-env', argv: 'from-argv' },
  };
}

describe('flags from the command line, the environment and the config file', () => {
  for (const [command, table] of TABLES) {
    it.each(Object.entries(table))(`${command} --%s: the flag beats EVERRUNS_CONTRACT_*, which beats the file`, (name, option) => {
      const value = forms(name, option);
      const file = { [command]: { [name]: value.file } };
      const read = (argv: string[], env: Record<string, string>) =>
        (parseCommandFlags(command, argv, table, ioWith(env, file)) as Record<string, unknown>)[name];
      expect(read([], {})).toEqual(value.expected.file);
      expect(read([], { [envName(name)]: value.env })).toEqual(value.expected.env);
      expect(read(value.argv, { [envName(name)]: value.env })).toEqual(value.expected.argv);
      // The command's own variable beats the shared one.
      expect(read([], { [envName(name)]: value.env, [envName(name, command)]: option.type === 'boolean' ? '1' : value.env })).toEqual(
        option.type === 'boolean' ? true : value.expected.env,
      );
    });
  }

  it('names variables after the flag, upper-cased with underscores, and per command', () => {
    expect(envName('api-key')).toBe('EVERRUNS_CONTRACT_API_KEY');
    expect(envName('port', 'record')).toBe('EVERRUNS_CONTRACT_RECORD_PORT');
  });

  it('names where a bad value came from', () => {
    const values = parseCommandFlags('mock', [], MOCK_FLAGS, ioWith({ EVERRUNS_CONTRACT_PORT: 'abc' }));
    expect(flagLabel(values, 'port')).toBe('EVERRUNS_CONTRACT_PORT');
    expect(() => integerFlag(values, 'port', 4010, 0, 65535)).toThrow("EVERRUNS_CONTRACT_PORT must be a whole number, got 'abc'");
    const filed = parseCommandFlags('mock', [], MOCK_FLAGS, ioWith({}, { mock: { port: 'abc' } }));
    expect(() => integerFlag(filed, 'port', 4010, 0, 65535)).toThrow(
      "mock.port in everruns-contract.config.json must be a whole number, got 'abc'",
    );
    expect(flagLabel(parseCommandFlags('mock', ['--port', '1'], MOCK_FLAGS, ioWith({})), 'port')).toBe('--port');
  });

  it('takes numbers in the file as their text, and a single value for a repeatable flag', () => {
    const values = parseCommandFlags('conform', [], CONFORM_FLAGS, ioWith({}, { conform: { runs: 5, header: 'X-A: 1' } }));
    expect(values.runs).toBe('5');
    expect(values.header).toEqual(['X-A: 1']);
  });

  it('reads --config FILE, else EVERRUNS_CONTRACT_CONFIG, else the package.json key', () => {
    const io = ioWith({});
    const other = join(io.cwd!, 'other.json');
    writeFileSync(other, JSON.stringify({ mock: { port: '1' } }));
    expect(parseCommandFlags('mock', ['--config', other], MOCK_FLAGS, io).port).toBe('1');
    expect(parseCommandFlags('mock', [], MOCK_FLAGS, { ...io, env: { EVERRUNS_CONTRACT_CONFIG: other } }).port).toBe('1');
    writeFileSync(join(io.cwd!, 'package.json'), JSON.stringify({ name: 'x', 'everruns-contract': { mock: { port: '2' } } }));
    expect(parseCommandFlags('mock', [], MOCK_FLAGS, io).port).toBe('2');
    // The config file of the folder wins over the package.json key.
    writeFileSync(join(io.cwd!, 'everruns-contract.config.json'), JSON.stringify({ mock: { port: '3' } }));
    expect(parseCommandFlags('mock', [], MOCK_FLAGS, io).port).toBe('3');
  });

  it.each([
    [{ mokc: {} }, "'mokc' is not a command (did you mean mock?)"],
    [{ mock: { prot: 1 } }, "'prot' is not a flag of this command (did you mean port?)"],
    [{ mock: { help: true } }, "'help' is not a flag of this command"],
    [{ mock: { quiet: 'yes' } }, 'mock.quiet in everruns-contract.config.json must be true or false, got "yes"'],
    [{ mock: { port: { n: 1 } } }, 'mock.port in everruns-contract.config.json must be a string or a number'],
    [{ mock: { fixtures: [1, true] } }, 'mock.fixtures[1] in everruns-contract.config.json must be a string or a number, got true'],
    [{ mock: [] }, "'mock' must be an object of flags"],
    [[], 'must hold an object of command sections'],
  ])('refuses the config file %j with a usage error', (config, message) => {
    expect(() => parseCommandFlags('mock', [], MOCK_FLAGS, ioWith({}, config))).toThrow(message);
  });

  it('refuses a config file that is not JSON, and a --config file that does not exist', () => {
    const io = ioWith({});
    writeFileSync(join(io.cwd!, 'everruns-contract.config.json'), '{ nope');
    expect(() => parseCommandFlags('mock', [], MOCK_FLAGS, io)).toThrow(/config file everruns-contract\.config\.json is not valid JSON/);
    expect(() => parseCommandFlags('mock', ['--config', 'missing.json'], MOCK_FLAGS, ioWith({}))).toThrow(
      'cannot read config file missing.json: ENOENT',
    );
  });

  it.each([
    [{ EVERRUNS_CONTRACT_QUIET: 'maybe' }, "EVERRUNS_CONTRACT_QUIET must be true or false (1/0, yes/no, on/off), got 'maybe'"],
    [{ EVERRUNS_CONTRACT_FIXTURES: '[unclosed' }, "EVERRUNS_CONTRACT_FIXTURES starts with '[' but is not a JSON array"],
    [{ EVERRUNS_CONTRACT_FIXTURES: '[1, {}]' }, 'EVERRUNS_CONTRACT_FIXTURES[1] must be a string or a number'],
  ])('refuses the environment %j with a usage error', (env, message) => {
    expect(() => parseCommandFlags('mock', [], MOCK_FLAGS, ioWith(env))).toThrow(message);
  });

  it('ignores variables that name no flag of the command (another command, or the schema cache switch)', () => {
    const values = parseCommandFlags(
      'mock',
      [],
      MOCK_FLAGS,
      ioWith({ EVERRUNS_CONTRACT_NO_CACHE: '1', EVERRUNS_CONTRACT_TARGET: 'http://x' }),
    );
    expect(values).not.toHaveProperty('target');
  });

  it('takes short flags for the common ones', () => {
    const values = parseCommandFlags('mock', ['-p', '0', '-s', 'x.yaml', '-qw'], MOCK_FLAGS, ioWith({}));
    expect(values).toMatchObject({ port: '0', spec: 'x.yaml', quiet: true, watch: true });
    expect(parseCommandFlags('conform', ['-t', 'http://x', '-n', '3', '-H', 'A: b'], CONFORM_FLAGS, ioWith({}))).toMatchObject({
      target: 'http://x',
      runs: '3',
      header: ['A: b'],
    });
    expect(parseCommandFlags('record', ['-t', 'http://x', '-o', 'a.har', '-p', '0'], RECORD_FLAGS, ioWith({}))).toMatchObject({
      target: 'http://x',
      out: 'a.har',
      port: '0',
    });
  });
});
