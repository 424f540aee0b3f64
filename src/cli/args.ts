import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/index.js';
import type { CommandName } from './command-names.js';
import { readConfigSection, type ConfigSection } from './config-file.js';
import type { CliIo } from './io.js';
import { didYouMean } from './suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type StrictConfig<T extends Options> = { args: string[]; options: T; strict: true; allowPositionals: false };
type Values<T extends Options> = ReturnType<typeof parseArgs<StrictConfig<T>>>['values'];

/** Prefix of every environment variable that sets a flag: `EVERRUNS_CONTRACT_PORT=0` is `--port 0`. */
export const ENV_PREFIX = 'EVERRUNS_CONTRACT_';

/**
 * Variables other tools already set, read after the EVERRUNS_CONTRACT_* ones: `PORT` (platforms
 * such as Heroku and Cloud Run hand a server its port so) and the platform's own API key variable.
 */
const CONVENTIONAL_ENV: Readonly<Record<string, string>> = { port: 'PORT', 'api-key': 'EVERRUNS_API_KEY' };

// Flags every command takes, read from the command line only.
const COMMON = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;
const ARGV_ONLY = new Set(Object.keys(COMMON));

/** Where each flag's value came from, for messages that name it as the user set it. */
const origins = new WeakMap<object, Map<string, string>>();

/** The environment variable that sets `flag` for every command (`api-key` → `EVERRUNS_CONTRACT_API_KEY`). */
export function envName(flag: string, command?: CommandName): string {
  return ENV_PREFIX + (command ? `${command}_` : '').toUpperCase() + flag.toUpperCase().replace(/-/g, '_');
}

/**
 * A command's flags, strictly (no positionals, unknown flags refused with the nearest known one),
 * each missing flag then taken from the environment (`EVERRUNS_CONTRACT_MOCK_PORT`, else
 * `EVERRUNS_CONTRACT_PORT`, else `PORT`) and else from the config file's section for the command: flags beat
 * the environment, which beats the file. `--config FILE` (or `EVERRUNS_CONTRACT_CONFIG`) names the
 * file; `--help` and `--config` come from the command line alone.
 */
export function parseCommandFlags<T extends Options>(
  command: CommandName,
  argv: string[],
  options: T,
  io: CliIo,
): Values<T & typeof COMMON> {
  const table = { ...options, ...COMMON } as T & typeof COMMON;
  refuseUnknown(argv, table);
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options: table, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\s+/g, ' ').trim());
  }
  const from = new Map<string, string>();
  const env = io.env ?? {};
  const file = values.help
    ? undefined
    : readConfigSection(command, io.cwd, (values.config as string | undefined) ?? nonEmpty(env[`${ENV_PREFIX}CONFIG`]));
  if (file) refuseUnknownKeys(file, table);
  for (const [name, option] of Object.entries(table)) {
    if (values[name] !== undefined || ARGV_ONLY.has(name)) continue;
    const variable = [envName(name, command), envName(name), CONVENTIONAL_ENV[name]].find(
      (candidate) => candidate !== undefined && env[candidate] !== undefined,
    );
    if (variable !== undefined) {
      values[name] = fromEnv(variable, env[variable]!, option);
      from.set(name, variable);
    } else if (file && Object.hasOwn(file.values, name)) {
      const where: Where = (item = '') => `${command}.${name}${item} in ${file.source}`;
      values[name] = fromFile(where, file.values[name], option);
      from.set(name, where());
    }
  }
  origins.set(values, from);
  return values as Values<T & typeof COMMON>;
}

/** How a flag's value was given, for messages: `--port`, `EVERRUNS_CONTRACT_PORT` or `mock.port in everruns-contract.config.json`. */
export function flagLabel(values: object, name: string): string {
  return origins.get(values)?.get(name) ?? `--${name}`;
}

/** A flag that must be a whole number in a range. */
export function integerFlag(values: object, name: string, fallback: number, min: number, max: number): number {
  const value = read(values, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${flagLabel(values, name)} must be a whole number, got '${value}'`);
  const number = Number(value);
  if (number < min || number > max) throw new UsageError(`${flagLabel(values, name)} must be between ${min} and ${max}, got ${number}`);
  return number;
}

/** A flag that must be a number in a range. */
export function numberFlag(values: object, name: string, fallback: number, min: number, max: number): number {
  const value = read(values, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new UsageError(`${flagLabel(values, name)} must be a number, got '${value}'`);
  if (number < min || number > max) throw new UsageError(`${flagLabel(values, name)} must be between ${min} and ${max}, got ${number}`);
  return number;
}

/** A flag that must be an absolute http(s) URL; returned without a trailing slash. */
export function urlFlag(values: object, name: string): string | undefined {
  const value = read(values, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flagLabel(values, name)} must be an absolute URL, got '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${flagLabel(values, name)} must be an http or https URL, got '${value}'`);
  return value.replace(/\/+$/, '');
}

/** A flag that must not be blank when given (`--api-key ''` is a mistake, not "no key"). */
export function nonBlankFlag(values: object, name: string): string | undefined {
  const value = read(values, name);
  if (value !== undefined && value.trim() === '') throw new UsageError(`${flagLabel(values, name)} must not be empty`);
  return value;
}

function read(values: object, name: string): string | undefined {
  return (values as Record<string, string | undefined>)[name];
}

// parseArgs says "Unknown option '--prot'" with advice about positionals; a person wants the flag they meant.
function refuseUnknown(argv: readonly string[], table: Options): void {
  const shorts = new Map(Object.entries(table).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return;
    if (token.startsWith('--')) {
      const name = token.slice(2).split('=')[0]!;
      const option = table[name];
      if (!option) throw new UsageError(`unknown flag --${name}${didYouMean(name, Object.keys(table), (c) => `--${c}`)}`);
      if (option.type === 'string' && !token.includes('=')) i++;
    } else if (/^-[^-\d]/.test(token)) {
      for (const letter of token.slice(1)) {
        const name = shorts.get(letter);
        if (!name) throw new UsageError(`unknown flag -${letter} in '${token}'`);
        if (table[name]!.type === 'string') {
          i += token.endsWith(letter) ? 1 : 0;
          break;
        }
      }
    }
  }
}

function refuseUnknownKeys(file: ConfigSection, table: Options): void {
  for (const key of Object.keys(file.values)) {
    if (ARGV_ONLY.has(key) || !Object.hasOwn(table, key)) {
      const known = Object.keys(table).filter((name) => !ARGV_ONLY.has(name));
      throw new UsageError(`${file.source}: '${key}' is not a flag of this command${didYouMean(key, known)}`);
    }
  }
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

// A boolean is 1/0, true/false, yes/no or on/off; a repeatable flag is one value or a JSON array of them.
function fromEnv(variable: string, raw: string, option: Options[string]): unknown {
  if (option.type === 'boolean') {
    const word = raw.trim().toLowerCase();
    if (TRUE.has(word)) return true;
    if (FALSE.has(word)) return false;
    throw new UsageError(`${variable} must be true or false (1/0, yes/no, on/off), got '${raw}'`);
  }
  if (!option.multiple) return raw;
  if (!raw.trimStart().startsWith('[')) return [raw];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`${variable} starts with '[' but is not a JSON array: ${(error as Error).message}`);
  }
  return strings((item = '') => `${variable}${item}`, parsed);
}

/** Names a value in messages; `item` is an index suffix such as `[1]`. */
type Where = (item?: string) => string;

function fromFile(where: Where, value: unknown, option: Options[string]): unknown {
  if (option.type === 'boolean') {
    if (typeof value !== 'boolean') throw new UsageError(`${where()} must be true or false, got ${JSON.stringify(value)}`);
    return value;
  }
  if (option.multiple) return strings(where, Array.isArray(value) ? value : [value]);
  return scalar(where(), value);
}

function strings(where: Where, value: unknown): string[] {
  if (!Array.isArray(value)) throw new UsageError(`${where()} must be a JSON array of strings`);
  return value.map((item, index) => scalar(where(`[${index}]`), item));
}

function scalar(where: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new UsageError(`${where} must be a string or a number, got ${JSON.stringify(value)}`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
