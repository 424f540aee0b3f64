// Turns measurements into rows (measured, baseline, ratio, target, PASS/MISS) and renders them as
// one Markdown table, so the output can be pasted into the README as it is.

/** A target on the ratio (`{on: 'ratio', atLeast: 5}`) or on the value (`{on: 'value', below: 5}`). */
export function row(label, measured, baseline, { unit, target, text, failed } = {}) {
  const ratio = Number.isFinite(measured?.value) && Number.isFinite(baseline?.value) && baseline.value !== 0 ? measured.value / baseline.value : Number.NaN;
  let result = '—';
  if (failed) result = 'ERR';
  else if (target) result = meets(target, target.on === 'ratio' ? ratio : measured.value) ? 'PASS' : 'MISS';
  return { label, unit, measured, baseline, ratio, target: target ?? null, targetText: text ?? describe(target, unit), result };
}

function meets(target, value) {
  if (!Number.isFinite(value)) return false;
  if (target.atLeast !== undefined) return value >= target.atLeast;
  return value < target.below;
}

function describe(target, unit) {
  if (!target) return '—';
  const suffix = target.on === 'ratio' ? '×' : ` ${unit}`;
  return target.atLeast !== undefined ? `≥ ${target.atLeast}${suffix}` : `< ${format(target.below)}${suffix}`;
}

/** Renders rows as a Markdown table. */
export function renderTable(rows) {
  const header = ['row', 'measured', 'p50 / p99', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map((entry) => [
    entry.label,
    withUnit(entry.measured?.value, entry.unit),
    latency(entry.measured),
    entry.baseline ? `${withUnit(entry.baseline.value, entry.unit)} (${entry.baseline.name})` : '—',
    Number.isFinite(entry.ratio) ? `${entry.ratio.toFixed(2)}×` : '—',
    entry.targetText,
    entry.result,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [render(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}

function latency(measured) {
  if (!measured || measured.p50Ms === undefined) return '';
  return `${measured.p50Ms.toFixed(2)} / ${measured.p99Ms.toFixed(2)} ms`;
}

function withUnit(value, unit) {
  if (!Number.isFinite(value)) return 'n/a';
  return `${format(value)} ${unit}`;
}

function format(value) {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
