/** The report's one stylesheet, inlined: the file must open offline with nothing fetched. */
export const STYLES = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #656d76; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
main { max-width: 1280px; margin: 0 auto; padding: 0 24px 48px; }
header.verdict { padding: 20px 24px; color: #fff; background: var(--ok); }
header.verdict.failed { background: var(--bad); }
header.verdict h1 { margin: 0 0 4px; font-size: 22px; }
header.verdict p { margin: 0; }
nav { display: flex; gap: 16px; padding: 8px 24px; border-bottom: 1px solid var(--line); background: var(--soft); }
nav a { color: inherit; }
h2 { margin: 32px 0 8px; font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0; font-size: 15px; }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { margin: 4px 0; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; }
th, td { padding: 4px 8px; border: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--soft); position: sticky; top: 0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.failed-count { color: var(--bad); font-weight: 600; }
.cause { margin: 12px 0; padding: 12px; border: 1px solid var(--line); border-left: 4px solid var(--bad); border-radius: 4px; }
.cause.warning { border-left-color: var(--warn); }
.cause > p { margin: 4px 0 8px; color: var(--muted); }
.severity { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 8px; font-size: 12px; color: #fff; background: var(--bad); }
.severity.warning { background: var(--warn); }
details.finding { margin: 8px 0; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; }
details.finding > summary { cursor: pointer; font-weight: 600; }
dl.contrast { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
dl.contrast dt { color: var(--muted); }
dl.contrast dd { margin: 0; }
.step { margin: 8px 0; }
.command { display: flex; gap: 8px; align-items: flex-start; }
.command pre { flex: 1; }
.js-only { display: none; }
button.copy { margin-top: 4px; font: inherit; font-size: 12px; cursor: pointer; }
.js .js-only { display: inline-block; }
.share { font-size: 16px; }
.overview { display: flex; flex-wrap: wrap; gap: 48px; }
.overview > div { min-width: 280px; }
.overview p { max-width: 36em; }
.big { margin: 0; font-size: 40px; font-weight: 600; line-height: 1.1; }
meter { width: 280px; height: 16px; }
.legend [data-mark] { display: inline; margin-right: 12px; }
.matrix-wrap { overflow-x: auto; max-height: 80vh; }
table.matrix td { min-width: 56px; white-space: nowrap; }
table.matrix th[scope=row] { white-space: nowrap; font-weight: normal; }
table.matrix th small, [data-mark] small { display: block; color: var(--muted); font-size: 11px; }
[data-mark] { display: block; padding: 0 4px; border-radius: 3px; }
[data-mark=exercised] { background: #dafbe1; }
[data-mark=not-reached] { background: var(--soft); color: var(--muted); }
[data-mark=undeclared] { background: #fff8c5; outline: 1px solid var(--warn); }
.only-gaps tr.complete { display: none; }
.muted { color: var(--muted); }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
`;
