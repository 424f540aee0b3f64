export { APPS_PLUGIN } from './plugin.js';
export { APPS_PROBLEM_RULES } from './problem-rules.js';
export { APPS_SEQUENCES } from './sequences/source.js';
export { APPS_STATEFUL_CHECKS } from './sequences/checks.js';
