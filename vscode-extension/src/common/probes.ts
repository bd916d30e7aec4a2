// The machine's answers for `resolveServer`: a Python that imports a module, an executable,
// a name on PATH; and `pip install` into an interpreter.

import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import * as path from 'node:path';

import type { Probes } from './serverCommand';

const PROBE_TIMEOUT_MS = 20_000;

// find_spec locates the module without importing it (and without running the user's code).
const FIND_MODULE =
    'import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(sys.argv[1]) else 3)';

export interface RunResult {
    readonly code: number | null;
    readonly output: string;
}

/** Runs `command` without a shell; never rejects (a failure to start is a non-zero code). */
export function run(
    command: string,
    args: readonly string[],
    timeoutMs: number,
): Promise<RunResult> {
    return new Promise((resolve) => {
        execFile(
            command,
            args,
            { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
            (error, stdout, stderr) => {
                const code =
                    error === null ? 0 : typeof error.code === 'number' ? error.code : null;
                const reason = error !== null && code === null ? `${error.message}\n` : '';
                resolve({ code, output: `${stdout}${stderr}${reason}` });
            },
        );
    });
}

export async function isExecutable(file: string): Promise<boolean> {
    try {
        await access(file, constants.X_OK);
        return (await stat(file)).isFile();
    } catch {
        return false;
    }
}

export const machineProbes: Probes = {
    async hasModule(python: string, module: string): Promise<boolean> {
        const result = await run(python, ['-c', FIND_MODULE, module], PROBE_TIMEOUT_MS);
        return result.code === 0;
    },
    isExecutable,
    async which(name: string): Promise<string | undefined> {
        for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
            if (dir !== '' && (await isExecutable(path.join(dir, name)))) {
                return path.join(dir, name);
            }
        }
        return undefined;
    },
};

/** `python -m pip install <distribution>`, with everything it printed. */
export function pipInstall(python: string, distribution: string): Promise<RunResult> {
    return run(python, ['-m', 'pip', 'install', '--upgrade', distribution], 15 * 60_000);
}
