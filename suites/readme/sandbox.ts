import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

/** What a script printed and how it ended. */
export interface ScriptResult {
  code: number | null;
  output: string;
}

/** A copy of the repository (its tracked and new files, node_modules linked), built as a clone is. */
export interface Sandbox {
  dir: string;
  /** True when scripts run in a network namespace of their own: loopback only, their own ports. */
  isolated: boolean;
  /** Runs `script` with bash (errexit, pipefail) in the copy; every process it started is killed afterwards. */
  run(script: string, timeoutMs?: number): Promise<ScriptResult>;
  remove(): void;
}

/**
 * A fresh clone as the README's reader has it after `npm ci`: the files git knows (and new ones it
 * does not ignore), the installed node_modules, and `npm run build` run. Scripts run under
 * `unshare -n` where the machine allows it (root, as in CI): a namespace whose only network is its
 * own loopback, so the README's fixed ports (4010…) cannot clash with anything else running, and a
 * command that needs more than loopback fails instead of reaching out.
 */
export function createSandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'everruns-readme-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(ROOT, file), join(dir, file));
    } catch {
      // A file deleted in the working tree but still tracked is simply not there.
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync('npm', ['run', 'build'], { cwd: dir, stdio: 'pipe' });
  const isolated = spawnSync('unshare', ['-n', 'true']).status === 0;
  // npx keeps what it resolves in npm's cache: the sandbox's own, not the user's.
  const env = { ...process.env, npm_config_cache: join(dir, '.npm-cache'), NO_COLOR: '1', CI: '1' };
  let count = 0;
  return {
    dir,
    isolated,
    run(script, timeoutMs = 120_000) {
      const file = join(dir, `.readme-block-${++count}.sh`);
      writeFileSync(file, `set -eo pipefail\n${script}\n`);
      const [command, args] = isolated ? ['unshare', ['-n', 'sh', '-c', `ip link set lo up && exec bash ${file}`]] : ['bash', [file]];
      return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const killGroup = () => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // Everything in the group has ended already.
          }
        };
        const timer = setTimeout(() => {
          output += `\n[timed out after ${timeoutMs} ms]`;
          killGroup();
        }, timeoutMs);
        child.once('exit', (code) => {
          clearTimeout(timer);
          // Background jobs the script left (a mock started with &) end with it; they hold its
          // output open, so the result is given once they are gone.
          killGroup();
          child.once('close', () => resolve({ code, output }));
        });
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
