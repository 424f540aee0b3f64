import { markup, SafeHtml } from './escape.js';
import { SCRIPT, SCRIPT_SOURCE } from './script.js';
import { STYLES } from './styles.js';

// Nothing may be fetched (default-src 'none'); only the inlined stylesheet and the one hashed script apply.
const POLICY = `default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_SOURCE}; img-src data:; base-uri 'none'; form-action 'none'`;

// The two constants of this package are the only text taken as markup as it is.
const STYLE_SHEET = new SafeHtml(STYLES);
// The script element must hold exactly SCRIPT, or its hash would not match the policy.
const SCRIPT_TEXT = new SafeHtml(SCRIPT);

/** The whole document around the report's sections: one file, its style and script inlined. */
export function page(title: string, header: SafeHtml, sections: readonly SafeHtml[], footer: SafeHtml): string {
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE_SHEET}</style>
</head>
<body>
${header}
<main>
${sections}
<footer>${footer}</footer>
</main>
<script>${SCRIPT_TEXT}</script>
</body>
</html>
`.toString();
}
