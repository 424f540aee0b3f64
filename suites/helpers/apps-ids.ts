/** A well-formed harness id (§2) the Apps mock accepts; any such id names a harness there. */
export const HARNESS = 'harness_0193a3b5c0de7000800000000000abcd';
