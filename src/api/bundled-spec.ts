import { PACKAGE_ROOT } from '../core/index.js';

/**
 * The path of the Everruns Apps API document shipped with the package (`spec/` beside `dist/`):
 * what `startMock()`, `runConformance()` and every command serve or check when no spec is given.
 */
export const BUNDLED_SPEC_PATH = `${PACKAGE_ROOT}spec/everruns-apps.openapi.yaml`;
