import { readFile } from 'node:fs/promises';
import { UsageError, isJsonObject } from '../../core/index.js';
import type { AppsSnapshot } from '../../model/apps/index.js';
import { parseAppsSnapshot } from '../../mock/index.js';
import { parseResourceOverrides, type ResourceOverrides, type ResourceSnapshot } from '../../model/resources/index.js';

/** What a `--load` file holds: the Apps layer's part, the inferred resources' part, or both (as `GET /__mock/state` exports them). */
export interface StateSnapshot {
  apps: AppsSnapshot | undefined;
  resources: ResourceSnapshot | undefined;
}

/** Reads a `--load` file; its resource records are checked when the model restores them. */
export async function readStateSnapshot(path: string): Promise<StateSnapshot> {
  const value = await readJson('--load', path);
  const hasApps = isJsonObject(value) && 'apps' in value;
  const hasResources = isJsonObject(value) && 'resources' in value;
  if (!hasApps && !hasResources) {
    throw new UsageError(
      `--load file ${path} is not a state snapshot (expected {"version": 1, "apps": [...], "runs": [...]} and/or {"resources": {"version": 1, "records": [...]}})`,
    );
  }
  const resources = hasResources ? value['resources'] : undefined;
  if (hasResources && !isJsonObject(resources)) {
    throw new UsageError(`--load file ${path}: "resources" must be an object {"version": 1, "records": [...]}`);
  }
  return {
    apps: hasApps ? parseAppsSnapshot(value, `--load file ${path}`) : undefined,
    resources: resources as ResourceSnapshot | undefined,
  };
}

/** Reads a `--resource-overrides` file; any mistake is a UsageError naming the file and the entry. */
export async function readResourceOverrides(path: string): Promise<ResourceOverrides> {
  return parseResourceOverrides(await readJson('--resource-overrides', path), path);
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
