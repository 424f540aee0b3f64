/** The CLI's commands, as typed after `everruns-contract` and as the sections of its config file. */
export const COMMAND_NAMES = ['mock', 'conform', 'record'] as const;

/** One of {@link COMMAND_NAMES}. */
export type CommandName = (typeof COMMAND_NAMES)[number];
