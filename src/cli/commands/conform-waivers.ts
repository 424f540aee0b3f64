import { readFile } from 'node:fs/promises';
import { load as loadYaml } from 'js-yaml';
import { UsageError } from '../../core/index.js';
import { readWaivers, type Severity, type Waiver } from '../../conformance/index.js';
import type { ConformFlags } from './conform-flags.js';

/** `--fail-on` and `--waivers`: what fails the gate, for a live run and a recorded one alike. */
export interface GateFlags {
  failOn: Severity;
  waivers: Waiver[];
}

/** Reads `--fail-on` and the `--waivers` file before the run, so a bad value costs no run. */
export async function readGateFlags(values: ConformFlags): Promise<GateFlags> {
  return { failOn: failOnFlag(values['fail-on']), waivers: await loadWaivers(values.waivers) };
}

/** `--waivers FILE`: a JSON or YAML list of waivers; an unreadable or malformed file is a usage error. */
async function loadWaivers(path: string | undefined): Promise<Waiver[]> {
  if (path === undefined) return [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --waivers ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    // YAML 1.2 reads JSON too.
    value = loadYaml(text);
  } catch (error) {
    throw new UsageError(`--waivers ${path} is neither JSON nor YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return readWaivers(value, path);
}

/** `--fail-on warning|error`: the least severity that fails the gate (default error). */
function failOnFlag(value: string | undefined): Severity {
  if (value === undefined || value === 'error') return 'error';
  if (value === 'warning') return 'warning';
  throw new UsageError(`--fail-on expects warning or error, got '${value}'`);
}
