// The Show IR / Show Lowered TIR / Show LLVM commands: which definition, which document, and
// the server's error message when there is no text to show.

import type { Api, Editor } from './api';
import {
    IR_KINDS,
    IR_SCHEME,
    definitionAt,
    irLocation,
    type IrAnswer,
    type IrKind,
    type IrTarget,
    type IrViews,
    type SymbolLike,
} from './irViews';
import type { ServerInfo } from './serverInfo';
import { isServedDocument } from './tvmscriptText';

/** What the commands ask of the running server. */
export interface IrServer {
    showIr(target: IrTarget): Promise<IrAnswer>;
    topLevelSymbols(uri: string): Promise<SymbolLike[]>;
}

export interface IrCommandDeps {
    readonly api: Api;
    readonly info: ServerInfo;
    readonly views: IrViews;
    /** The running server for the editor's document (started if needed), or undefined. */
    readonly server: (editor: Editor) => Promise<IrServer | undefined>;
    readonly virtualUri: (scheme: string, location: { path: string; query: string }) => string;
    readonly showBeside: (uri: string) => Promise<void>;
    readonly basename: (editor: Editor) => string;
}

/** Opens (or refreshes) the `kind` view of the definition around the cursor. */
export async function openIrView(deps: IrCommandDeps, kind: IrKind): Promise<string | undefined> {
    const { api, info, views } = deps;
    const label = IR_KINDS[kind].label;
    const editor = api.activeEditor();
    if (editor === undefined || !isServedDocument(editor.document)) {
        await api.showWarning(
            `${info.name}: Show ${label} needs a Python file with TVMScript in the editor.`,
        );
        return undefined;
    }
    const server = await deps.server(editor);
    if (server === undefined) {
        return undefined; // the controller has said why
    }
    const source = editor.document.uri.toString();
    let symbols: SymbolLike[] = [];
    try {
        symbols = await server.topLevelSymbols(source);
    } catch {
        // Without an outline, show every definition.
    }
    const target: IrTarget = {
        kind,
        source,
        name: definitionAt(symbols, editor.selection.active.line),
    };
    const uri = deps.virtualUri(IR_SCHEME, irLocation(target, deps.basename(editor)));
    const wasOpen = views.isOpen(uri);
    await deps.showBeside(uri);
    if (wasOpen) {
        views.refresh(uri);
    }
    const error = views.lastError(uri);
    if (error !== undefined) {
        void api.showWarning(error);
    }
    return uri;
}
