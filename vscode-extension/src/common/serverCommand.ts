// Which command starts the server: the first candidate that has tvmscript installed.
//
// Candidates, in order: the `interpreter` setting, the `serverPath` setting (both set only on
// purpose, so they win), the interpreter selected in the Python extension, then the
// `tvmscript` executable on PATH.

import type { ServerInfo } from './serverInfo';
import type { Settings } from './settings';

export type CandidateSource =
    'interpreter setting' | 'serverPath setting' | 'Python extension' | 'PATH';

export interface ServerCommand {
    readonly command: string;
    readonly args: readonly string[];
    readonly source: CandidateSource;
}

/** Why no server can be started: each candidate looked at, and where to install. */
export interface Missing {
    /** One line per candidate: what was looked at and what was wrong with it. */
    readonly tried: readonly string[];
    /** The interpreter to `pip install` into: the chosen one, if any. */
    readonly installInto: string | undefined;
}

export type Resolution = { readonly found: ServerCommand } | { readonly missing: Missing };

/** Questions about the machine, answered by `probes.ts` (faked in tests). */
export interface Probes {
    /** Whether `python` runs and can import `module`. */
    hasModule(python: string, module: string): Promise<boolean>;
    isExecutable(file: string): Promise<boolean>;
    /** The first executable `name` on PATH. */
    which(name: string): Promise<string | undefined>;
}

export function pythonCommand(
    python: string,
    info: ServerInfo,
    source: CandidateSource,
): ServerCommand {
    return { command: python, args: ['-m', info.module], source };
}

export async function resolveServer(
    settings: Settings,
    pythonExtensionInterpreter: string | undefined,
    info: ServerInfo,
    probes: Probes,
): Promise<Resolution> {
    const tried: string[] = [];
    const { interpreter, serverPath } = settings;
    if (interpreter !== '') {
        if (await probes.hasModule(interpreter, info.module)) {
            return { found: pythonCommand(interpreter, info, 'interpreter setting') };
        }
        tried.push(`${interpreter} (interpreter setting) cannot import ${info.module}`);
    }
    if (serverPath !== '') {
        if (await probes.isExecutable(serverPath)) {
            return { found: serveCommand(serverPath, 'serverPath setting') };
        }
        tried.push(`${serverPath} (serverPath setting) is not an executable file`);
    }
    const selected = pythonExtensionInterpreter === '' ? undefined : pythonExtensionInterpreter;
    if (selected === undefined) {
        tried.push('no interpreter is selected in the Python extension');
    } else if (selected !== interpreter) {
        if (await probes.hasModule(selected, info.module)) {
            return { found: pythonCommand(selected, info, 'Python extension') };
        }
        tried.push(`${selected} (Python extension) cannot import ${info.module}`);
    }
    const onPath = await probes.which(info.executable);
    if (onPath !== undefined) {
        return { found: serveCommand(onPath, 'PATH') };
    }
    tried.push(`no ${info.executable} executable on PATH`);
    return { missing: { tried, installInto: interpreter !== '' ? interpreter : selected } };
}

function serveCommand(executable: string, source: CandidateSource): ServerCommand {
    return { command: executable, args: ['lsp'], source };
}

/** The command as a user would type it (for the log and the status bar). */
export function describeCommand(command: ServerCommand): string {
    const quote = (part: string) => (/^[\w@%+=:,./-]+$/.test(part) ? part : JSON.stringify(part));
    return [command.command, ...command.args].map(quote).join(' ');
}

/** The one message shown when no candidate has tvmscript installed. */
export function missingMessage(info: ServerInfo, missing: Missing): string {
    const where =
        missing.installInto === undefined
            ? `Select a Python interpreter that has it, or set ${info.id}.interpreter.`
            : `Install it into ${missing.installInto}?`;
    return `${info.name}: ${info.package} is not installed (${missing.tried.join('; ')}). ${where}`;
}
