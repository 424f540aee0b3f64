import { fileURLToPath } from 'node:url';

/** The Apps API document shipped with the package (`spec/` beside `dist/`). */
export const BUNDLED_SPEC = fileURLToPath(new URL('../../spec/everruns-apps.openapi.yaml', import.meta.url));
