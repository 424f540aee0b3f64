// Summarises a V8 .cpuprofile (from `node --cpu-prof`, or BENCH_CPU_PROF=dir with run.js): the
// functions with the most self time, and the files they live in. Usage:
//   node bench/mock/profile-summary.js FILE.cpuprofile [TOP=25] [FROM_MS=0]
// FROM_MS leaves out the samples of the profile's first milliseconds (start-up, loading the
// document), so a profile of a process under load shows the request path alone.
import { readFileSync } from 'node:fs';

const [file, topArg, fromArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/mock/profile-summary.js FILE.cpuprofile [TOP] [FROM_MS]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const top = Number(topArg ?? 25);
const fromUs = Number(fromArg ?? 0) * 1000;
// timeDeltas[i] is the time from sample i-1 to sample i; a sample before FROM_MS weighs nothing.
let clockUs = 0;
const weights = profile.timeDeltas.map((delta) => {
  clockUs += delta;
  return clockUs < fromUs ? 0 : delta;
});

// Self time per node: each sample names the node on top of the stack; time deltas weight them.
const selfUs = new Map();
profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (weights[index] ?? 0)));

const where = (node) => {
  const { url } = node.callFrame;
  return url ? url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '') : '(native)';
};
const nameOf = (node) => `${node.callFrame.functionName || '(anonymous)'}  ${where(node)}:${node.callFrame.lineNumber + 1}`;
// Packages, not files, so a library's cost shows as one line however many files it spreads over.
const packageOf = (file) => file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? (file.startsWith('dist/') ? file.split('/').slice(0, 2).join('/') : file.split(':')[0]);

const byFunction = new Map();
const byPackage = new Map();
let totalUs = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  totalUs += us;
  byFunction.set(nameOf(node), (byFunction.get(nameOf(node)) ?? 0) + us);
  const pkg = packageOf(where(node));
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}

// Inclusive time of the project's own functions (dist/): each sample counts once per function on
// its stack, so recursion is not counted twice.
const parent = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map();
profile.samples.forEach((id, index) => {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const node = byId.get(at);
    if (!where(node).startsWith('dist/')) continue;
    const key = nameOf(node);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + (weights[index] ?? 0));
  }
});

const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}\n`);
  }
};
process.stdout.write(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled`);
print('self time by function', byFunction);
print('self time by package (or dist/ folder)', byPackage);
print('inclusive time of dist/ functions', inclusive);
