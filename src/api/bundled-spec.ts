import { fileURLToPath } from 'node:url';

/** The folder the package is installed in (`node_modules/everruns-contract/`, or a clone), with `spec/` and `fixtures/`. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The path of the Everruns Apps API document shipped with the package (`spec/` beside `dist/`):
 * what `startMock()`, `runConformance()` and every command serve or check when no spec is given.
 */
export const BUNDLED_SPEC_PATH = `${PACKAGE_ROOT}spec/everruns-apps.openapi.yaml`;
