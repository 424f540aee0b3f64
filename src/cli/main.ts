import { TOOL } from '../core/index.js';
import { COMMAND_NAMES, type CommandName } from './command-names.js';
import type { CliIo } from './io.js';
import { renderError } from './render-error.js';
import { didYouMean } from './suggest.js';

/** The top-level help; `fixtures` is where this installation keeps its shipped recordings. */
export function help(fixtures: string): string {
  return `everruns-contract: contract tests and a stateful mock for the Everruns Apps API

Usage: everruns-contract <command> [options]

Commands:
  mock       serve the API locally (stateful for the Apps API, example-based for any document)
  conform    check a deployment against the contract with property-based requests (a CI gate)
  record     proxy a deployment and record every exchange to a HAR file, validating as it goes

Run "everruns-contract <command> --help" for the options of a command. Every flag can also be set
as EVERRUNS_CONTRACT_<FLAG> or in everruns-contract.config.json ({"mock": {"port": 4020}}).

Examples:
  npx everruns-contract mock                              # the Apps API on http://127.0.0.1:4010
  npx everruns-contract mock --spec ./openapi.yaml        # your Swagger 2.0 or OpenAPI 3.x document, stateless
  npx everruns-contract conform --target http://127.0.0.1:4010 --junit reports/conform.xml
  npx everruns-contract record --target http://127.0.0.1:4010 --out fixtures/session.har
  npx everruns-contract mock --fixtures ${fixtures}/apps-lifecycle.har --strict
`;
}

const COMMANDS: Record<CommandName, () => Promise<(argv: string[], io: CliIo) => Promise<number>>> = {
  mock: async () => (await import('./commands/mock.js')).runMock,
  record: async () => (await import('./commands/record.js')).runRecord,
  conform: async () => (await import('./commands/conform.js')).runConform,
};

/** Runs the CLI; the only place exit codes are decided: 0 ok, 1 findings, 2 usage or toolkit error. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(help((await import('./commands/installed-path.js')).installedPath(io.cwd, 'fixtures')));
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${TOOL.name} ${TOOL.version}\n`);
    return 0;
  }
  if (!(COMMAND_NAMES as readonly string[]).includes(command)) {
    const hint = didYouMean(command, COMMAND_NAMES) || ' (try --help)';
    io.stderr(`${TOOL.name}: Usage error: unknown command '${command}'${hint}\n`);
    return 2;
  }
  try {
    return await (
      await COMMANDS[command as CommandName]()
    )(rest, io);
  } catch (error) {
    // Every command's errors carry the same prefix: the tool and the command.
    io.stderr(renderError(error, `${TOOL.name} ${command}`));
    return 2;
  }
}
