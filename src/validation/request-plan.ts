import { escapeToken } from '../core/index.js';
import type { MediaTypeSpec, Operation, Parameter } from '../openapi/index.js';
import { shapeOf } from './coerce.js';
import { compileFormReader, type FormReader } from './form-body.js';
import { compileParameter, type ParameterReader, type SchemaLookup } from './params.js';
import { compileReservedCheck, type ReservedCheck } from './reserved.js';

/** Everything validation needs of one operation that does not depend on the request, built once. */
export interface RequestPlan {
  parameters: Array<{ parameter: Parameter; read: ParameterReader; pointer: string }>;
  reserved: ReservedCheck[];
  readsCookies: boolean;
  /** Form and multipart readers per declared media type, built on first use. */
  formReader(media: MediaTypeSpec): FormReader;
}

const plans = new WeakMap<Operation, RequestPlan>();

/** The plan of an operation, compiled the first time a request for it is validated. */
export function requestPlan(operation: Operation, lookup: SchemaLookup): RequestPlan {
  let plan = plans.get(operation);
  if (!plan) {
    plan = compilePlan(operation, lookup);
    plans.set(operation, plan);
  }
  return plan;
}

function compilePlan(operation: Operation, lookup: SchemaLookup): RequestPlan {
  const queryNames = operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const parameters: RequestPlan['parameters'] = [];
  const reserved: ReservedCheck[] = [];
  for (const parameter of operation.parameters) {
    const claimed = new Set(queryNames.filter((name) => name !== parameter.name));
    parameters.push({ parameter, read: compileParameter(parameter, lookup, claimed), pointer: `/${escapeToken(parameter.name)}` });
    const check = compileReservedCheck(parameter, shapeOf(parameter.schema, lookup).kind, claimed);
    if (check) reserved.push(check);
  }
  const forms = new Map<MediaTypeSpec, FormReader>();
  return {
    parameters,
    reserved,
    readsCookies: operation.parameters.some((parameter) => parameter.in === 'cookie'),
    formReader(media) {
      let reader = forms.get(media);
      if (!reader) forms.set(media, (reader = compileFormReader(media, lookup)));
      return reader;
    },
  };
}
