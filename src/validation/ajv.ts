import { Ajv, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { translatePattern, type OpenApiVersion } from '../openapi/index.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof import('ajv-formats').default;

export type AnyAjv = Ajv | Ajv2020;

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

// A pattern that is not ECMAScript and cannot be translated is not checked (the loader warns about
// it): a compile error here would refuse a whole operation, or end the process during warm-up.
const UNCHECKED = { test: () => true };
const regExp = Object.assign((pattern: string) => translatePattern(pattern).regex ?? UNCHECKED, { code: 'translatePattern' });

/**
 * The one Ajv factory: draft 2020-12 for OpenAPI 3.1, draft-07 (after nullable conversion) for 3.0.
 * Not strict, because OpenAPI schemas legally carry keywords Ajv does not know (`example`, `xml`,
 * `discriminator`, `x-…`); all errors are collected so a problem can list every violation.
 */
export function createAjv(version: OpenApiVersion): AnyAjv {
  const options: Options = {
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    discriminator: false,
    unicodeRegExp: true,
    code: { regExp },
    // Errors carry their parent schema, so readOnly/writeOnly `required` failures can be told apart.
    verbose: true,
  };
  const ajv = version === '3.1' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['binary', 'password', 'byte-stream', 'html', 'markdown', 'text']) ajv.addFormat(name, true);
  return ajv;
}
