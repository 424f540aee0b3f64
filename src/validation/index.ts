export * from './ajv.js';
export * from './oas30.js';
export * from './params.js';
export * from './request.js';
export * from './response.js';
export * from './spec-validator.js';
export * from './violation.js';
export * from './decode-body.js';
