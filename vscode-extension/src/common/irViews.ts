// Show IR / Show Lowered TIR / Show LLVM: read-only virtual documents beside the editor, one per
// (kind, source file, definition), asked of the server again after each edit of the source.

import type { Disposable } from './api';

export type IrKind = 'ir' | 'loweredTir' | 'llvm';

export interface IrKindInfo {
    /** The server's `workspace/executeCommand` command. */
    readonly serverCommand: string;
    /** The extension's command (the server's id is taken by the client's own registration). */
    readonly command: string;
    readonly label: string;
    /** Of the virtual document's path: picks its language. */
    readonly extension: string;
    /** Starts a comment line in that language. */
    readonly comment: string;
}

export const IR_KINDS: Readonly<Record<IrKind, IrKindInfo>> = {
    ir: {
        serverCommand: 'tvmscript.showIR',
        command: 'tvmscript.openIR',
        label: 'IR',
        extension: '.py',
        comment: '#',
    },
    loweredTir: {
        serverCommand: 'tvmscript.showLoweredTIR',
        command: 'tvmscript.openLoweredTIR',
        label: 'Lowered TIR',
        extension: '.py',
        comment: '#',
    },
    llvm: {
        serverCommand: 'tvmscript.showLLVM',
        command: 'tvmscript.openLLVM',
        label: 'LLVM',
        extension: '.ll',
        comment: ';',
    },
};

export const IR_SCHEME = 'tvmscript-ir';

/** What one virtual document shows. */
export interface IrTarget {
    readonly kind: IrKind;
    /** The source document's URI, as a string. */
    readonly source: string;
    /** A definition (or module function) name; undefined: every definition of the file. */
    readonly name: string | undefined;
}

/** The virtual document's path (its tab title) and query (what it shows). */
export function irLocation(
    target: IrTarget,
    sourceBasename: string,
): { path: string; query: string } {
    const info = IR_KINDS[target.kind];
    const what = target.name ?? 'all definitions';
    const path = `/${sourceBasename} · ${what} (${info.label})${info.extension}`;
    const query = new URLSearchParams({ kind: target.kind, source: target.source });
    if (target.name !== undefined) {
        query.set('name', target.name);
    }
    return { path, query: query.toString() };
}

export function parseIrQuery(query: string): IrTarget | undefined {
    const params = new URLSearchParams(query);
    const kind = params.get('kind');
    const source = params.get('source');
    if (kind === null || !(kind in IR_KINDS) || source === null) {
        return undefined;
    }
    return { kind: kind as IrKind, source, name: params.get('name') ?? undefined };
}

export type IrAnswer = { readonly text: string } | { readonly error: string };
export type IrFetch = (target: IrTarget) => Promise<IrAnswer>;

interface View {
    readonly target: IrTarget;
    /** The last text the server gave. */
    lastText: string | undefined;
    /** The error of the last answer, if it was one. */
    lastError: string | undefined;
}

/** The content of the open IR documents, refreshed (debounced) when their source changes. */
export class IrViews implements Disposable {
    private readonly views = new Map<string, View>();
    private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

    constructor(
        private readonly fetch: IrFetch,
        private readonly changed: (irUri: string) => void,
        private readonly delayMs = 300,
    ) {}

    /** Called by the content provider: the text of `irUri`, asked of the server now. */
    async provide(irUri: string, query: string): Promise<string> {
        const target = this.views.get(irUri)?.target ?? parseIrQuery(query);
        if (target === undefined) {
            return '# not a TVMScript IR document';
        }
        const view = this.views.get(irUri) ?? { target, lastText: undefined, lastError: undefined };
        this.views.set(irUri, view);
        const answer = await this.fetch(target);
        if ('text' in answer) {
            view.lastText = answer.text;
            view.lastError = undefined;
            return answer.text;
        }
        view.lastError = answer.error;
        const comment = IR_KINDS[target.kind].comment;
        if (view.lastText === undefined) {
            return `${comment} ${answer.error}\n`;
        }
        return `${comment} out of date: ${answer.error}\n\n${view.lastText}`;
    }

    /** The error of the last answer for `irUri` (undefined when it had text). */
    lastError(irUri: string): string | undefined {
        return this.views.get(irUri)?.lastError;
    }

    isOpen(irUri: string): boolean {
        return this.views.has(irUri);
    }

    /** Ask again now (the document is already open: VS Code would show its old content). */
    refresh(irUri: string): void {
        this.changed(irUri);
    }

    /** The source document changed: refresh its views once the edits pause. */
    sourceChanged(sourceUri: string): void {
        if (![...this.views.values()].some((v) => v.target.source === sourceUri)) {
            return;
        }
        clearTimeout(this.timers.get(sourceUri));
        const timer = setTimeout(() => {
            this.timers.delete(sourceUri);
            for (const [irUri, view] of this.views) {
                if (view.target.source === sourceUri) {
                    this.changed(irUri);
                }
            }
        }, this.delayMs);
        this.timers.set(sourceUri, timer);
    }

    closed(irUri: string): void {
        this.views.delete(irUri);
    }

    dispose(): void {
        for (const timer of this.timers.values()) {
            clearTimeout(timer);
        }
        this.timers.clear();
        this.views.clear();
    }
}

/** What the logic reads of an LSP `DocumentSymbol` (0-based lines). */
export interface SymbolLike {
    readonly name: string;
    readonly range: {
        readonly start: { readonly line: number };
        readonly end: { readonly line: number };
    };
}

/** The top-level definition around `line` (a module or a function), if any. */
export function definitionAt(symbols: readonly SymbolLike[], line: number): string | undefined {
    const around = symbols.filter((s) => s.range.start.line <= line && line <= s.range.end.line);
    return around[0]?.name;
}
