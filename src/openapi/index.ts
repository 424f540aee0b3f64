export * from './document.js';
export * from './load.js';
export * from './load-warning.js';
export * from './operations.js';
export * from './declared-status.js';
export * from './path-template.js';
export * from './operation-index.js';
export * from './pattern.js';
export { isNameMap } from './walk.js';
