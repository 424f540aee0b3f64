import type { ProblemError } from '../../core/index.js';
import type { IdPrefix } from './ids.js';
import { describeIdProblem } from './ids.js';

/** Collects field-level failures of one request body, with the hint of the first one that has one. */
export class FieldErrors {
  readonly list: ProblemError[] = [];
  hint: string | undefined;

  /** Records a failure at a JSON pointer into the body. */
  add(pointer: string, detail: string, hint?: string): void {
    this.list.push({ pointer, detail });
    if (hint !== undefined && this.hint === undefined) this.hint = hint;
  }

  /** Records many failures at once. */
  addAll(errors: readonly ProblemError[]): void {
    for (const error of errors) this.list.push(error);
  }

  /** True when nothing was recorded. */
  get ok(): boolean {
    return this.list.length === 0;
  }

  /** Checks a text field: a string, not blank when `nonBlank`, at most `max` characters. */
  text(pointer: string, field: string, value: unknown, max: number, nonBlank: boolean): string | undefined {
    if (typeof value !== 'string') {
      this.add(pointer, `${field} must be a string; got ${typeName(value)}`);
      return undefined;
    }
    if (nonBlank && value.trim() === '') {
      this.add(pointer, `${field} must not be blank`, `Give '${field}' at least one visible character.`);
      return undefined;
    }
    // JSON Schema's maxLength counts code points, so a surrogate pair is one character here too.
    const length = codePointLength(value);
    if (length > max) {
      this.add(pointer, `${field} must be at most ${max} characters; got ${length}`, `Shorten '${field}' to <= ${max} chars.`);
      return undefined;
    }
    return value;
  }

  /** Checks a public id field. */
  id(pointer: string, field: string, value: unknown, prefix: IdPrefix): string | undefined {
    const problem = describeIdProblem(field, value, prefix);
    if (problem === undefined) return value as string;
    this.add(pointer, problem);
    return undefined;
  }
}

/** The JSON type name of a value, for details such as "got number". */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
