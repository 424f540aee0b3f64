export * from './agent.js';
export * from './client.js';
export * from './concurrency-gate.js';
export * from './failure.js';
export * from './rate-limiter.js';
export * from './retry-after.js';
export * from './send.js';
