import type { LoadedSpec } from '../../openapi/index.js';
import { SpecValidator } from '../../validation/index.js';

const validators = new WeakMap<LoadedSpec, SpecValidator>();

/**
 * The one validator of a loaded document: its schemas compile on first use and stay compiled for
 * every later run over the same document (several seeds, a live run then its recording).
 */
export function specValidatorOf(spec: LoadedSpec): SpecValidator {
  let validator = validators.get(spec);
  if (!validator) {
    validator = new SpecValidator(spec);
    validators.set(spec, validator);
  }
  return validator;
}
