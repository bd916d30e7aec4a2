// The `tvmscript.*` settings, read into one typed value, and the server's initialization options.

import * as os from 'node:os';
import * as path from 'node:path';

import type { SettingsReader } from './api';

export interface DiagnosticSettings {
    readonly enabled: boolean;
    /** Whether the `build-*` warnings are shown. */
    readonly buildWarnings: boolean;
    /** Codes never shown. */
    readonly ignore: readonly string[];
}

export interface Settings {
    /** A Python interpreter that runs `python -m <module>` ('' when unset). */
    readonly interpreter: string;
    /** A `tvmscript` executable that runs `tvmscript lsp` ('' when unset). */
    readonly serverPath: string;
    readonly target: string;
    readonly diagnostics: DiagnosticSettings;
    readonly inlayHints: boolean;
    readonly formatOnSave: boolean;
}

/** Keys read on each use: changing them needs no server restart. */
export const LIVE_KEYS: readonly string[] = ['formatOnSave', 'inlayHints.enabled', 'trace.server'];

/** The full names of the settings whose change restarts the server (from the manifest). */
export function restartKeys(manifest: unknown, section: string): string[] {
    const contributes = (manifest as { contributes?: { configuration?: { properties?: object } } })
        .contributes;
    const names = Object.keys(contributes?.configuration?.properties ?? {});
    const live = new Set(LIVE_KEYS.map((key) => `${section}.${key}`));
    return names.filter((name) => name.startsWith(`${section}.`) && !live.has(name));
}

export const DEFAULT_TARGET = 'llvm';

/** The settings of one resource; a wrong type falls back to the default. */
export function readSettings(reader: SettingsReader, workspaceFolder?: string): Settings {
    const text = (key: string, fallback: string): string => {
        const value = reader.get(key);
        return typeof value === 'string' ? value.trim() : fallback;
    };
    const flag = (key: string, fallback: boolean): boolean => {
        const value = reader.get(key);
        return typeof value === 'boolean' ? value : fallback;
    };
    const ignore = reader.get('diagnostics.ignore');
    return {
        interpreter: expandPath(text('interpreter', ''), workspaceFolder),
        serverPath: expandPath(text('serverPath', ''), workspaceFolder),
        target: text('target', DEFAULT_TARGET) || DEFAULT_TARGET,
        diagnostics: {
            enabled: flag('diagnostics.enabled', true),
            buildWarnings: flag('diagnostics.buildWarnings', true),
            ignore: Array.isArray(ignore) ? ignore.filter((c) => typeof c === 'string') : [],
        },
        inlayHints: flag('inlayHints.enabled', true),
        formatOnSave: flag('formatOnSave', false),
    };
}

/** `${workspaceFolder}`, `${userHome}` and a leading `~` expanded; relative paths kept. */
export function expandPath(value: string, workspaceFolder?: string): string {
    if (value === '') {
        return value;
    }
    let expanded = value.replaceAll('${userHome}', os.homedir());
    if (workspaceFolder !== undefined) {
        expanded = expanded.replaceAll('${workspaceFolder}', workspaceFolder);
    }
    if (expanded === '~' || expanded.startsWith('~/')) {
        expanded = path.join(os.homedir(), expanded.slice(1));
    }
    return expanded;
}

/** What the server is told at `initialize` (its options mirror these settings). */
export function initializationOptions(settings: Settings): Record<string, unknown> {
    return {
        target: settings.target,
        diagnostics: {
            enabled: settings.diagnostics.enabled,
            buildWarnings: settings.diagnostics.buildWarnings,
            ignore: [...settings.diagnostics.ignore],
        },
        inlayHints: { enabled: settings.inlayHints },
    };
}
