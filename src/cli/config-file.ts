import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../core/index.js';
import { COMMAND_NAMES, type CommandName } from './command-names.js';
import { didYouMean } from './suggest.js';

/** The file looked for in the working directory; else the `everruns-contract` key of its package.json. */
export const CONFIG_FILE = 'everruns-contract.config.json';
const PACKAGE_KEY = 'everruns-contract';

/** One command's section of the config file: flag name → value, and where it was read. */
export interface ConfigSection {
  /** Names the place in messages: `everruns-contract.config.json` or `package.json#everruns-contract`. */
  source: string;
  values: Readonly<Record<string, unknown>>;
}

/**
 * The section for `command` of the config file: `explicit` (`--config`, `EVERRUNS_CONTRACT_CONFIG`),
 * else `everruns-contract.config.json` in `cwd`, else the `everruns-contract` key of `cwd`'s
 * package.json. Undefined when there is none. Its shape is `{"mock": {"port": 4010}, "conform": {…}}`;
 * a section that is not a command is refused, naming the nearest one.
 */
export function readConfigSection(command: CommandName, cwd: string | undefined, explicit: string | undefined): ConfigSection | undefined {
  const found = explicit === undefined ? findConfig(cwd) : { source: explicit, root: readJson(resolvePath(cwd, explicit), explicit, true) };
  if (!found) return undefined;
  const { source, root } = found;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new UsageError(`${source} must hold an object of command sections, e.g. {"mock": {"port": 4010}}`);
  }
  for (const key of Object.keys(root)) {
    if (!(COMMAND_NAMES as readonly string[]).includes(key)) {
      throw new UsageError(
        `${source}: '${key}' is not a command${didYouMean(key, COMMAND_NAMES)}; sections are ${COMMAND_NAMES.join(', ')}`,
      );
    }
  }
  const section = (root as Record<string, unknown>)[command];
  if (section === undefined) return undefined;
  if (section === null || typeof section !== 'object' || Array.isArray(section)) {
    throw new UsageError(`${source}: '${command}' must be an object of flags, e.g. {"port": 4010}`);
  }
  return { source, values: section as Record<string, unknown> };
}

function findConfig(cwd: string | undefined): { source: string; root: unknown } | undefined {
  if (cwd === undefined) return undefined;
  const own = readJson(join(cwd, CONFIG_FILE), CONFIG_FILE, false);
  if (own !== undefined) return { source: CONFIG_FILE, root: own };
  const manifest = readJson(join(cwd, 'package.json'), 'package.json', false) as Record<string, unknown> | undefined;
  if (manifest === null || typeof manifest !== 'object' || !(PACKAGE_KEY in manifest)) return undefined;
  return { source: `package.json#${PACKAGE_KEY}`, root: manifest[PACKAGE_KEY] };
}

function readJson(path: string, shown: string, required: boolean): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required && code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read config file ${shown}: ${code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${shown} is not valid JSON: ${(error as Error).message}`);
  }
}

function resolvePath(cwd: string | undefined, path: string): string {
  return isAbsolute(path) || cwd === undefined ? path : join(cwd, path);
}
