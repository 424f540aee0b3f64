import { appsRouteOf } from '../../model/apps/index.js';
import type { ConformancePlugin } from '../run/plugin.js';
import { statefulPhase } from '../stateful/index.js';
import { setUpAppsFixtures } from './fixtures.js';
import { APPS_PROBLEM_RULES } from './problem-rules.js';
import { appsRoutes } from './sequences/apps-routes.js';
import { APPS_SEQUENCES } from './sequences/source.js';

/**
 * The Apps rules for the runner, for documents that declare the Apps routes (spec/, the platform's
 * document): fixture apps (and webhook token probes) before generation, the Apps problem rules,
 * and the model-based Apps sequences after it, over the Apps routes the document declares.
 */
export const APPS_PLUGIN: ConformancePlugin = {
  name: 'apps',
  appliesTo: (spec) => appsRoutes(spec).size > 0,
  serves: (operation) => appsRouteOf(operation) !== undefined,
  setUp: setUpAppsFixtures,
  problemRules: APPS_PROBLEM_RULES,
  phases: [statefulPhase(APPS_SEQUENCES)],
};
