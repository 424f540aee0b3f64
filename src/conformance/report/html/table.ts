import { markup, type SafeHtml } from './escape.js';

/** A table with one row of headings and the rows given. */
export function table(headings: readonly string[], rows: readonly SafeHtml[], className?: string): SafeHtml {
  return markup`<table${className ? markup` class="${className}"` : ''}>
    <thead>
      <tr>
        ${headings.map((heading) => markup`<th>${heading}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
