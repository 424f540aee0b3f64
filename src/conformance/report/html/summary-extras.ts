import { markup, type SafeHtml } from './escape.js';

/**
 * Lists a summary may carry besides its findings (the document warnings and waived findings of
 * issue 10), under the names they may come by; each is shown when present, as text or as
 * finding-like records (check, operation, title, reason, expiry).
 */
const EXTRAS = [
  {
    names: ['documentWarnings', 'warnings'],
    id: 'document-warnings',
    title: 'Document warnings',
    note: 'Gaps in the document rather than defects of the server.',
  },
  { names: ['waived', 'waivers'], id: 'waived', title: 'Waived', note: 'Findings a waiver accepts.' },
] as const;

/** The sections for whichever of those lists the summary carries and are not empty. */
export function extraSections(summary: object): SafeHtml[] {
  return EXTRAS.flatMap((extra) => {
    const list = extra.names.map((name) => (summary as Record<string, unknown>)[name]).find(Array.isArray);
    if (!list || list.length === 0) return [];
    return [
      markup`<section id="${extra.id}" data-test="${extra.id}">
        <h2>${extra.title} (${list.length})</h2>
        <p class="muted">${extra.note}</p>
        <ul>
          ${list.map((item) => markup`<li>${describe(item)}</li>`)}
        </ul>
      </section>`,
    ];
  });
}

function describe(item: unknown): SafeHtml {
  if (item === null || typeof item !== 'object') return markup`${String(item)}`;
  const record = item as Record<string, unknown>;
  const text = (name: string) => (typeof record[name] === 'string' || typeof record[name] === 'number' ? String(record[name]) : undefined);
  const title = text('title') ?? text('message') ?? text('detail') ?? JSON.stringify(item);
  const check = text('check');
  const operation = text('operation');
  const reason = text('reason');
  const expires = text('expires');
  return markup`${check ? markup`<code>${check}</code> ` : ''}${operation ? `${operation}: ` : ''}${title}${reason ? ` — ${reason}` : ''}${expires ? markup` <span class="muted">(until ${expires})</span>` : ''}`;
}
