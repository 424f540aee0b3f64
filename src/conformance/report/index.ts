export * from './curl.js';
export * from './json.js';
export * from './junit.js';
export * from './progress.js';
export * from './text.js';
