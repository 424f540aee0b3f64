import { readFile } from 'node:fs/promises';
import { UsageError, isJsonObject } from '../core/index.js';
import type { AppsSnapshot } from '../model/apps/index.js';
import { parseAppsSnapshot } from '../mock/index.js';
import { parseResourceOverrides, type ResourceOverrides, type ResourceSnapshot } from '../model/resources/index.js';

/** What a `--load` file holds: the Apps layer's part, the inferred resources' part, or both (as `GET /__mock/state` exports them). */
export interface StateSnapshot {
  apps: AppsSnapshot | undefined;
  resources: ResourceSnapshot | undefined;
}

/**
 * The initial state (`--load FILE`, or `startMock({ state })` with a snapshot or a path): the Apps
 * part checked record by record here, the resource records when the model restores them.
 */
export async function readStateSnapshot(state: unknown, appsServed: boolean): Promise<StateSnapshot> {
  const what = typeof state === 'string' ? `--load file ${state}` : 'the initial state';
  const value = typeof state === 'string' ? await readJson('--load', state) : state;
  const hasApps = isJsonObject(value) && 'apps' in value;
  const hasResources = isJsonObject(value) && 'resources' in value;
  if (!hasApps && !hasResources) {
    throw new UsageError(
      `${what} is not a state snapshot (expected {"version": 1, "apps": [...], "runs": [...]} and/or {"resources": {"version": 1, "records": [...]}})`,
    );
  }
  const held = hasApps && [value['apps'], value['runs']].some((list) => Array.isArray(list) && list.length > 0);
  if (held && !appsServed) {
    throw new UsageError(`${what} holds apps, but the Apps layer does not serve this document (it lacks the Apps operations)`);
  }
  const resources = hasResources ? value['resources'] : undefined;
  if (hasResources && !isJsonObject(resources)) {
    throw new UsageError(`${what}: "resources" must be an object {"version": 1, "records": [...]}`);
  }
  return {
    apps: hasApps ? parseAppsSnapshot(value, what) : undefined,
    resources: resources as ResourceSnapshot | undefined,
  };
}

/** The resource overrides (`--resource-overrides FILE`, or an object); any mistake is a UsageError naming the file and the entry. */
export async function readResourceOverrides(overrides: string | unknown): Promise<ResourceOverrides> {
  if (typeof overrides !== 'string') return parseResourceOverrides(overrides, 'the resource overrides');
  return parseResourceOverrides(await readJson('--resource-overrides', overrides), overrides);
}

async function readJson(flag: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${flag} file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
