export * from './problem.js';
export * from './problem-types.js';
export * from './errors.js';
export * from './json-pointer.js';
export * from './http-message.js';
export * from './media-type.js';
export * from './secret-names.js';
