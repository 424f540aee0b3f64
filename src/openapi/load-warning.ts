/** Something wrong in a document that is served all the same, and where it is. */
export interface LoadWarning {
  /** RFC 6901 pointer into the document as written (`""` is the whole document). */
  pointer: string;
  /** 1-based line of that place in the text, when the text gives one. */
  line?: number;
  message: string;
}

const SHOWN = 10;

/**
 * The start-up lines for a document's warnings: the first few in full, then a count of the rest;
 * `quiet` keeps only the count. Empty when there is nothing to say.
 */
export function formatLoadWarnings(
  source: string,
  warnings: readonly LoadWarning[],
  options: { quiet?: boolean; limit?: number } = {},
): string {
  if (warnings.length === 0) return '';
  const count = `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  if (options.quiet) return `${source}: served with ${count} about the document\n`;
  const shown = warnings.slice(0, options.limit ?? SHOWN);
  let text = `${source}: served with ${count} about the document:\n`;
  for (const warning of shown) text += `  ${describeWarning(warning)}\n`;
  if (warnings.length > shown.length) text += `  … and ${warnings.length - shown.length} more\n`;
  return text;
}

/** One warning as `line 12 #/paths/~1pets/get: message`. */
export function describeWarning(warning: LoadWarning): string {
  const where = `${warning.line === undefined ? '' : `line ${warning.line} `}#${warning.pointer}`;
  return `${where}: ${warning.message}`;
}
