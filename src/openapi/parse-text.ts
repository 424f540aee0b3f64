import { load as loadYaml, YAMLException } from 'js-yaml';
import { SpecError } from '../core/index.js';
import type { LoadWarning } from './load-warning.js';

export interface ParsedText {
  value: unknown;
  /** True when the text was read as JSON (positions are then found by the JSON scanner). */
  json: boolean;
  warnings: LoadWarning[];
}

/**
 * JSON first (the common case for big documents, and much faster), YAML otherwise. A duplicated
 * key is a warning (the last one wins, as in JSON.parse); text that is neither is refused, naming
 * the line and column where reading stopped.
 */
export function parseText(text: string, source: string): ParsedText {
  const first = text.trimStart()[0];
  let jsonError: string | undefined;
  if (first === '{' || first === '[') {
    try {
      return { value: JSON.parse(text), json: true, warnings: [] };
    } catch (error) {
      // Flow-style YAML may start with a brace too.
      jsonError = (error as Error).message;
    }
  }
  const warnings: LoadWarning[] = jsonError ? [{ pointer: '', line: 1, message: `not valid JSON (${jsonError}); read as YAML` }] : [];
  try {
    return { value: loadYaml(text), json: false, warnings };
  } catch (error) {
    if (!(error instanceof YAMLException) || !/duplicated mapping key/.test(error.reason)) throw refusal(error, source);
    const line = error.mark.line + 1;
    warnings.push({ pointer: '', line, message: `duplicated key on line ${line} (the last one is used)` });
    try {
      return { value: loadYaml(text, { json: true }), json: false, warnings };
    } catch (again) {
      throw refusal(again, source);
    }
  }
}

function refusal(error: unknown, source: string): SpecError {
  if (!(error instanceof YAMLException)) return new SpecError(`cannot parse spec file ${source}: ${String(error)}`, { cause: error });
  const where = `line ${error.mark.line + 1}, column ${error.mark.column + 1}`;
  return new SpecError(`cannot parse spec file ${source} at ${where}: ${error.reason}`, { cause: error });
}
