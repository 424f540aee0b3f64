/** A fault answered instead of the API's answer: a 5xx status, or a connection reset (TCP RST). */
export type FaultKind = number | 'reset';

/** The longest delay a request may ask for: past it a client would time out anyway. */
export const MAX_DELAY_MS = 60_000;

/** A fault kind as `--faults` and `Prefer: fault=` spell it, or undefined: `reset`, or a status 500–599. */
export function parseFaultKind(text: string): FaultKind | undefined {
  const word = text.trim().toLowerCase();
  if (word === 'reset') return 'reset';
  return /^5\d\d$/.test(word) ? Number(word) : undefined;
}
