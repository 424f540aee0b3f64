import { recordsThatFit, type ResourceSnapshot } from '../model/resources/index.js';
import type { LayerContext, StatefulLayer } from '../mock/index.js';
import type { LoadedSpec } from '../openapi/index.js';
import { chooseLayers, type LayerChoice, type LayerOptions } from './mock-layer.js';
import { resolveSpec } from './resolve-spec.js';

/** What a reload under `watch` did: the document now served and what became of the state, or why the old one stays. */
export type ReloadEvent =
  { ok: true; spec: LoadedSpec; layer: string; state: 'kept' | 'dropped' | 'none'; detail?: string } | { ok: false; error: Error };

/** A changed document and the layer choice for it, or why it cannot be served. */
export type Prepared = { ok: true; spec: LoadedSpec; choice: LayerChoice } | { ok: false; error: Error };

/**
 * Loads the changed document and chooses its layers. The initial state was for the first start: a
 * reload carries over what the mock holds now, in the state file already open.
 */
export async function prepare(
  path: string,
  current: LayerChoice,
  options: LayerOptions,
  running: readonly StatefulLayer[],
): Promise<Prepared> {
  try {
    const spec = await resolveSpec(path);
    const appsRunning = running.some(isAppsLayer);
    return { ok: true, spec, choice: await chooseLayers(spec, { ...options, state: undefined }, { file: current.stateFile, appsRunning }) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

/** The layers that serve the reloaded document, and what became of the state. */
export type Adopted = { layers: StatefulLayer[]; state: 'kept' | 'dropped' | 'none'; detail?: string };

/**
 * The layers for the reloaded document: a running Apps layer stays as it is when the document still
 * has the Apps operations; the inferred resources are rebuilt for the new map, taking the records
 * that still fit it (same collection, same item path, parent kept). What has no place is dropped.
 */
export function adopt(current: LayerChoice, next: LayerChoice, running: readonly StatefulLayer[], context: LayerContext): Adopted {
  const dropped: string[] = [];
  const layers: StatefulLayer[] = [];
  const apps = running.find(isAppsLayer);
  if (next.apps) layers.push(apps ?? next.apps(context));
  else if (apps && hasApps(apps)) dropped.push('the Apps state has no place in this document');
  const resources = running.find(isResourcesLayer);
  const records = resources ? (resources.exportState({ secrets: true }) as { resources: ResourceSnapshot }).resources : undefined;
  if (next.resources) {
    const carried = records && current.map && next.map ? recordsThatFit(next.map, records, current.map) : undefined;
    const lost = (records?.records.length ?? 0) - (carried?.records.length ?? 0);
    if (lost > 0) dropped.push(`${lost} inferred resource record(s) no longer fit the document`);
    layers.push(next.resources(context, carried));
  } else if (records && records.records.length > 0) dropped.push('the inferred resources have no place in this document');
  const before = (apps !== undefined && hasApps(apps)) || (records?.records.length ?? 0) > 0;
  if (dropped.length > 0) return { layers, state: 'dropped', detail: dropped.join('; ') };
  return { layers, state: before ? 'kept' : 'none' };
}

function isAppsLayer(layer: StatefulLayer): boolean {
  return layer.stateMembers.includes('apps');
}

function isResourcesLayer(layer: StatefulLayer): boolean {
  return layer.stateMembers.includes('resources');
}

function hasApps(layer: StatefulLayer): boolean {
  const state = layer.exportState() as { apps?: unknown[]; runs?: unknown[] };
  return (state.apps?.length ?? 0) > 0 || (state.runs?.length ?? 0) > 0;
}
