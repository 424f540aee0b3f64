import { fullFormats } from 'ajv-formats/dist/formats.js';

type FormatDefinition = boolean | RegExp | ((data: string) => boolean) | { type?: string; validate: RegExp | ((data: string) => boolean) };

const DEFINITIONS = fullFormats as unknown as Record<string, FormatDefinition>;

/**
 * Whether a string satisfies a `format` exactly as the validator decides it (the same ajv-formats
 * definitions, full mode), so a documented example is trusted only when Ajv would accept it.
 * Unknown formats and those of other types hold, as Ajv ignores them.
 */
export function formatHolds(format: unknown, value: string): boolean {
  if (typeof format !== 'string' || !Object.hasOwn(DEFINITIONS, format)) return true;
  const definition = DEFINITIONS[format]!;
  if (typeof definition === 'boolean') return definition;
  if (definition instanceof RegExp) return definition.test(value);
  if (typeof definition === 'function') return definition(value);
  if (definition.type !== undefined && definition.type !== 'string') return true;
  return definition.validate instanceof RegExp ? definition.validate.test(value) : definition.validate(value);
}
