// Which of the server's diagnostics are shown (`tvmscript.diagnostics.*`).

import type { DiagnosticSettings } from './settings';

/** A diagnostic's code as VS Code holds it. */
export type DiagnosticCode = string | number | { readonly value: string | number } | undefined;

export function codeOf(code: DiagnosticCode): string | undefined {
    if (code === undefined) {
        return undefined;
    }
    return typeof code === 'object' ? String(code.value) : String(code);
}

export function isShown(code: DiagnosticCode, settings: DiagnosticSettings): boolean {
    if (!settings.enabled) {
        return false;
    }
    const name = codeOf(code);
    if (name === undefined) {
        return true;
    }
    if (!settings.buildWarnings && name.startsWith('build-')) {
        return false;
    }
    return !settings.ignore.includes(name);
}

export function filterDiagnostics<D extends { readonly code?: DiagnosticCode }>(
    diagnostics: readonly D[],
    settings: DiagnosticSettings,
): D[] {
    return diagnostics.filter((d) => isShown(d.code, settings));
}
