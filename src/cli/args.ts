import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type StrictConfig<T extends Options> = { args: string[]; options: T; strict: true; allowPositionals: false };

/** Parses a command's flags strictly (no positionals), turning every failure into a one-line UsageError. */
export function parseCommandFlags<T extends Options>(argv: string[], options: T): ReturnType<typeof parseArgs<StrictConfig<T>>>['values'] {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\s+/g, ' ').trim());
  }
}

/** A flag that must be a whole number in a range. */
export function integerFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got '${value}'`);
  const number = Number(value);
  if (number < min || number > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${number}`);
  return number;
}

/** A flag that must be a number in a range. */
export function numberFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new UsageError(`--${name} must be a number, got '${value}'`);
  if (number < min || number > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${number}`);
  return number;
}

/** A flag that must be an absolute http(s) URL; returned without a trailing slash. */
export function urlFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${name} must be an absolute URL, got '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${name} must be an http or https URL, got '${value}'`);
  return value.replace(/\/+$/, '');
}
