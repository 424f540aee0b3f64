/**
 * The body property that holds an item's id: the one named like the path parameter (`username` for
 * `{username}`), then the parameter's trailing words (`number` for `{issue_number}`, `account_id`
 * for `{payment_account_id}`, `id` for `{agent_id}` and `{petId}`), then `id`.
 */
export function chooseIdField(parameter: string, properties: ReadonlyMap<string, unknown>): string | undefined {
  for (const candidate of [parameter, ...trailingWords(parameter), 'id']) {
    if (properties.has(candidate)) return candidate;
  }
  return undefined;
}

// `payment_account_id` → `account_id`, `id`; `petId` → `id`; `issue-number` → `number`.
function trailingWords(name: string): string[] {
  const words = name.split(/[_-]|(?<=[a-z0-9])(?=[A-Z])/).filter((word) => word !== '');
  const separator = name.includes('_') ? '_' : name.includes('-') ? '-' : '';
  const suffixes: string[] = [];
  for (let start = 1; start < words.length; start++) {
    const rest = words.slice(start);
    const joined = separator === '' ? rest.map((word, index) => (index === 0 ? lowerFirst(word) : word)).join('') : rest.join(separator);
    suffixes.push(joined);
  }
  return suffixes;
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
