export * from './document.js';
export * from './load.js';
export * from './operations.js';
export * from './path-template.js';
export * from './operation-index.js';
