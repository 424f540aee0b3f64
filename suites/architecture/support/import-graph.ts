import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** Source files by their path relative to the root (posix separators), with their text. */
export type SourceTree = ReadonlyMap<string, string>;

/** Each file's imports of other files of the tree, by relative path. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every `.ts` file below `root`, read once. */
export function readTree(root: string): SourceTree {
  const tree = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) tree.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return tree;
}

/** The module specifiers of a file: static imports and re-exports (type-only ones too) and dynamic imports. */
export function specifiersOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
}

/** Resolves the relative specifiers of every file to the files they name (`./a.js` → `a.ts`); others are left out. */
export function importGraph(tree: SourceTree): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const [file, text] of tree) {
    const targets = specifiersOf(text)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts'));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The graph between groups of files (a file's folder, say), without edges inside a group. */
export function groupGraph(graph: ImportGraph, groupOf: (file: string) => string): ImportGraph {
  const groups = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = groupOf(file);
    const set = groups.get(from) ?? new Set<string>();
    for (const target of targets) if (groupOf(target) !== from) set.add(groupOf(target));
    groups.set(from, set);
  }
  return new Map([...groups].map(([group, set]) => [group, [...set].sort()]));
}

/** Every cycle of the graph, one per strongly connected component of more than one node (Tarjan), nodes sorted. */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The top folder of a file (`mock/router.ts` → `mock`); files at the root are their own group. */
export function topFolder(file: string): string {
  return file.includes('/') ? file.split('/')[0]! : file;
}

/**
 * Imports across top folders that the allowance map does not permit, or that reach past a
 * folder's public face: its `index.ts`, or for a folder without one (`model/`) the index of each
 * of its subfolders (`model/apps/index.ts`).
 */
export function boundaryOffences(graph: ImportGraph, allowed: Readonly<Record<string, readonly string[]>>): string[] {
  const offences: string[] = [];
  for (const [file, targets] of graph) {
    const from = topFolder(file);
    for (const target of targets) {
      const to = topFolder(target);
      if (target.startsWith('..')) offences.push(`${file} reaches outside the tree: ${target}`);
      else if (to === from) continue;
      else if (!allowed[from]?.includes(to)) offences.push(`${file} → ${to} (${target})`);
      else if (target !== `${to}/index.ts` && (graph.has(`${to}/index.ts`) || !/^[^/]+\/[^/]+\/index\.ts$/.test(target)))
        offences.push(`${file} imports ${target} instead of ${to}/index.ts`);
    }
  }
  return offences;
}

/** Files that wire the plug-ins in: src/index.ts, each top folder's index, the library API (api/) and the CLI. */
export function isWiring(file: string): boolean {
  return !file.includes('/') || /^[^/]+\/index\.ts$/.test(file) || file.startsWith('api/') || file.startsWith('cli/');
}

/** The names of the domain plug-in folders, one per domain, inside the generic folders they extend. */
export const PLUGIN_FOLDERS: readonly string[] = ['apps'];

/** True for a file inside a domain plug-in folder (`mock/apps/…`, `conformance/apps/…`, `model/apps/…`). */
export function isPlugin(file: string): boolean {
  return PLUGIN_FOLDERS.includes(file.split('/')[1] ?? '') && file.split('/').length > 2;
}

/**
 * Imports of a plug-in folder by generic code. Only the plug-ins themselves, a top folder's
 * index (its public face), the library API, the CLI and the library's entry may name a plug-in:
 * they wire it in.
 */
export function pluginOffences(graph: ImportGraph): string[] {
  const offences: string[] = [];
  for (const [file, targets] of graph) {
    if (isPlugin(file) || isWiring(file)) continue;
    for (const target of targets) if (isPlugin(target)) offences.push(`${file} → ${target}`);
  }
  return offences;
}
