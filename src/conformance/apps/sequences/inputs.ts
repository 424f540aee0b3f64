/** Well-formed ids (§2) to use where the runner was given none; any such id works against the mock. */
const GENERATED = {
  harness_id: ['harness_0193a3b5c0de7000800000000000abcd', 'harness_0193a3b5c0de7000800000000000beef'],
  agent_id: ['agent_0193a3b5c0de7000800000000000a001'],
  agent_identity_id: ['identity_0193a3b5c0de7000800000000000a002'],
  agent_version_id: ['agentver_0193a3b5c0de7000800000000000a003'],
} as const;

/** The id fields of an app that must name something that exists on a live deployment. */
export type IdField = keyof typeof GENERATED;

/** The ids the sequences may write into an app, per field; an empty list means "never send that field". */
export type IdChoices = Record<IdField, readonly string[]>;

/**
 * Ids from `--var`, else generated ones. Once the runner names a harness (a live deployment), the
 * other id fields are sent only when a var names them too, since the platform rejects unknown ids.
 */
export function idChoices(vars: Readonly<Record<string, string>>): IdChoices {
  const live = vars['harness_id'] !== undefined;
  const pick = (field: IdField): readonly string[] => {
    const given = vars[field];
    if (given !== undefined) return [given];
    return live ? [] : GENERATED[field];
  };
  return {
    harness_id: pick('harness_id'),
    agent_id: pick('agent_id'),
    agent_identity_id: pick('agent_identity_id'),
    agent_version_id: pick('agent_version_id'),
  };
}

/** Words app names are built from, so `search` has something to find in several apps at once. */
export const NAME_WORDS = ['Alpha', 'beta', 'Gamma', 'delta'] as const;
