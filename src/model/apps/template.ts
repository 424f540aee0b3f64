import { isJsonObject } from '../../core/index.js';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Fills `{{ path.to.value }}` placeholders from `context` (§4 Invoke webhook). Missing values
 * render empty; objects and arrays render as JSON; only own properties are followed, so a
 * template cannot reach prototype members such as `constructor`.
 */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => render(lookup(context, path)));
}

function lookup(root: unknown, path: string): unknown {
  if (path === '') return undefined;
  let current = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(segment)) current = current[Number(segment)];
    else if (isJsonObject(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

function render(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}
