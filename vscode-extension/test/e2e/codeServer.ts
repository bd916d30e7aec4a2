// code-server (VS Code in the browser) for the end-to-end test: a fresh user data and
// extensions directory, the .vsix installed, one workspace folder, loopback only.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CodeServerSetup {
    /** The node that runs code-server (its major version must be code-server's). */
    readonly node: string;
    /** code-server's package folder (holds out/node/entry.js). */
    readonly codeServer: string;
    /** Where user data, extensions, config and the workspace go (made fresh). */
    readonly root: string;
}

export interface RunningCodeServer {
    readonly url: string;
    readonly workspace: string;
    readonly log: () => string;
    stop(): Promise<void>;
}

/** VS Code's user settings: no welcome page, no trust prompt, nothing fetched. */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.colorTheme': 'Default Light Modern',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 200,
    'files.autoSave': 'off',
};

function entry(setup: CodeServerSetup): string {
    return path.join(setup.codeServer, 'out', 'node', 'entry.js');
}

function commonArgs(setup: CodeServerSetup): string[] {
    return [
        '--user-data-dir',
        path.join(setup.root, 'user-data'),
        '--extensions-dir',
        path.join(setup.root, 'extensions'),
        '--config',
        path.join(setup.root, 'config.yaml'),
    ];
}

export async function installExtension(setup: CodeServerSetup, vsix: string): Promise<string> {
    const { stdout, stderr } = await run(
        setup.node,
        [entry(setup), ...commonArgs(setup), '--install-extension', vsix, '--force'],
        { timeout: 120_000 },
    );
    return stdout + stderr;
}

/**
 * A workspace folder holding `files` (name → text), with `settings` in its .vscode folder, and
 * VS Code's user settings beside it.
 */
export function makeWorkspace(
    setup: CodeServerSetup,
    files: Record<string, string>,
    settings: Record<string, unknown>,
): string {
    const workspace = path.join(setup.root, 'workspace');
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    for (const [name, text] of Object.entries(files)) {
        writeFileSync(path.join(workspace, name), text);
    }
    writeFileSync(
        path.join(workspace, '.vscode', 'settings.json'),
        JSON.stringify(settings, null, 4),
    );
    const user = path.join(setup.root, 'user-data', 'User');
    mkdirSync(user, { recursive: true });
    writeFileSync(path.join(user, 'settings.json'), JSON.stringify(USER_SETTINGS, null, 4));
    return workspace;
}

/** Starts code-server on a free loopback port; resolves once it listens. */
export function startCodeServer(
    setup: CodeServerSetup,
    workspace: string,
): Promise<RunningCodeServer> {
    const args = [
        entry(setup),
        ...commonArgs(setup),
        '--auth',
        'none',
        '--bind-addr',
        '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        workspace,
    ];
    const child = spawn(setup.node, args, {
        env: { ...process.env, XDG_CONFIG_HOME: path.join(setup.root, 'xdg-config') },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group: the extension host and the server go with it
    });
    let output = '';
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`code-server did not start in 60 s:\n${output}`));
        }, 60_000);
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
            if (listening?.[1] !== undefined) {
                clearTimeout(timer);
                resolve({
                    url: `${listening[1]}/?folder=${encodeURIComponent(workspace)}`,
                    workspace,
                    log: () => output,
                    stop: () => stop(child),
                });
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`code-server exited (${String(code)}):\n${output}`));
        });
    });
}

/** Ends code-server's process group (code-server, its extension host, the language server). */
function stop(child: ChildProcess): Promise<void> {
    const group = child.pid;
    const signal = (name: NodeJS.Signals) => {
        try {
            if (group !== undefined) {
                process.kill(-group, name);
            }
        } catch {
            // already gone
        }
    };
    if (child.exitCode !== null || child.signalCode !== null) {
        signal('SIGKILL'); // children left behind
        return Promise.resolve();
    }
    return new Promise((resolve) => {
        const force = setTimeout(() => {
            signal('SIGKILL');
        }, 5_000);
        child.once('exit', () => {
            clearTimeout(force);
            signal('SIGKILL');
            resolve();
        });
        signal('SIGTERM');
    });
}
