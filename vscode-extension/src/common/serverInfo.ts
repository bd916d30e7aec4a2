// package.json's "serverInfo": the single source of the extension's id, display name and the
// server's module, package and executable names.

export interface ServerInfo {
    /** Prefix of the settings and commands (`tvmscript`). */
    readonly id: string;
    /** Display name: output channel, status bar, messages (`TVMScript`). */
    readonly name: string;
    /** The server's Python module (`python -m tvmscript_server`). */
    readonly module: string;
    /** The distribution to `pip install` (`tvmscript`). */
    readonly package: string;
    /** The console script that serves with `lsp` (`tvmscript lsp`). */
    readonly executable: string;
}

const KEYS = ['id', 'name', 'module', 'package', 'executable'] as const;

/** The `serverInfo` of an extension manifest; throws naming the first missing key. */
export function loadServerInfo(manifest: unknown): ServerInfo {
    const info: unknown = (manifest as { serverInfo?: unknown } | undefined)?.serverInfo;
    if (typeof info !== 'object' || info === null) {
        throw new Error('package.json has no "serverInfo" object');
    }
    const fields = info as Record<string, unknown>;
    for (const key of KEYS) {
        if (typeof fields[key] !== 'string' || fields[key] === '') {
            throw new Error(`package.json "serverInfo" needs a non-empty string "${key}"`);
        }
    }
    return info as ServerInfo;
}
