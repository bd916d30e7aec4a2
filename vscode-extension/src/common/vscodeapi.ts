// The one seam to the `vscode` API: everything else reads the editor through `api.ts`'s
// interfaces (so it runs in unit tests against fakes) or through the few functions here.

import * as path from 'node:path';
import * as vscode from 'vscode';

import type { Api, Disposable, Doc, DocUri } from './api';

export const vscodeApi: Api = {
    registerCommand: (id, run) => vscode.commands.registerCommand(id, run),
    settings: (section, resource) => vscode.workspace.getConfiguration(section, asUri(resource)),
    onSettingsChanged: (keys, listener) =>
        vscode.workspace.onDidChangeConfiguration((event) => {
            if (keys.some((key) => event.affectsConfiguration(key))) {
                listener();
            }
        }),
    textDocuments: () => vscode.workspace.textDocuments,
    onDidOpenTextDocument: (listener) => vscode.workspace.onDidOpenTextDocument(listener),
    onDidChangeTextDocument: (listener) =>
        vscode.workspace.onDidChangeTextDocument((event) => listener(event.document)),
    activeEditor: () => vscode.window.activeTextEditor,
    onDidChangeActiveEditor: (listener) => vscode.window.onDidChangeActiveTextEditor(listener),
    createStatusItem(id, name) {
        const item = vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Right, 100);
        item.name = name;
        return item as vscode.StatusBarItem & {
            tooltip: string | undefined;
            command: string | undefined;
        };
    },
    showWarning: (message, ...actions) =>
        Promise.resolve(vscode.window.showWarningMessage(message, ...actions)),
    showError: (message, ...actions) =>
        Promise.resolve(vscode.window.showErrorMessage(message, ...actions)),
    async openSettings(query) {
        await vscode.commands.executeCommand('workbench.action.openSettings', query);
    },
    withProgress: (title, task) =>
        Promise.resolve(
            vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title },
                task,
            ),
        ),
};

export function createOutputChannel(name: string): vscode.LogOutputChannel {
    return vscode.window.createOutputChannel(name, { log: true });
}

export function hasExtension(id: string): boolean {
    return vscode.extensions.getExtension(id) !== undefined;
}

export function showInformation(message: string): void {
    void vscode.window.showInformationMessage(message);
}

/** Serves the documents of `scheme`; `changed(uri)` makes VS Code ask for a document again. */
export function registerVirtualDocuments(
    scheme: string,
    provide: (uri: string, query: string) => Promise<string>,
): { changed: (uri: string) => void; registration: Disposable } {
    const emitter = new vscode.EventEmitter<vscode.Uri>();
    const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, {
        onDidChange: emitter.event,
        provideTextDocumentContent: (uri) => provide(uri.toString(), uri.query),
    });
    return {
        changed: (uri) => {
            emitter.fire(vscode.Uri.parse(uri));
        },
        registration: vscode.Disposable.from(registration, emitter),
    };
}

/** The URI (as a string) of a virtual document. */
export function virtualUri(scheme: string, location: { path: string; query: string }): string {
    return vscode.Uri.from({ scheme, path: location.path, query: location.query }).toString();
}

/** Opens a (read-only, virtual) document beside the active editor, keeping the focus there. */
export async function showBeside(uri: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    await vscode.window.showTextDocument(doc, {
        viewColumn: vscode.ViewColumn.Beside,
        preserveFocus: true,
        preview: false,
    });
}

export function onDidCloseTextDocument(listener: (uri: string) => void): Disposable {
    return vscode.workspace.onDidCloseTextDocument((doc) => {
        listener(doc.uri.toString());
    });
}

/** Format-on-save: `edits(doc)` is awaited before the document is written. */
export function onWillSavePython(
    edits: (
        doc: vscode.TextDocument,
        options: vscode.FormattingOptions,
    ) => Promise<vscode.TextEdit[]> | undefined,
): Disposable {
    return vscode.workspace.onWillSaveTextDocument((event) => {
        if (event.reason === vscode.TextDocumentSaveReason.AfterDelay) {
            return; // auto-save while typing: do not move the text under the cursor
        }
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === event.document);
        const options = editor?.options;
        const formatting: vscode.FormattingOptions = {
            tabSize: typeof options?.tabSize === 'number' ? options.tabSize : 4,
            insertSpaces: typeof options?.insertSpaces === 'boolean' ? options.insertSpaces : true,
        };
        const pending = edits(event.document, formatting);
        if (pending !== undefined) {
            event.waitUntil(pending);
        }
    });
}

/** The folder of the workspace holding `uri` (for `${workspaceFolder}` in settings). */
export function workspaceFolderOf(uri: DocUri | undefined): string | undefined {
    const resource = asUri(uri);
    const folder =
        resource === undefined
            ? vscode.workspace.workspaceFolders?.[0]
            : vscode.workspace.getWorkspaceFolder(resource);
    return folder?.uri.fsPath;
}

export function basename(doc: Doc): string {
    return path.basename(doc.uri.fsPath);
}

/** The `vscode.Uri` behind a `DocUri` (documents' URIs are ones already). */
export function asUri(uri: DocUri | undefined): vscode.Uri | undefined {
    if (uri === undefined || uri instanceof vscode.Uri) {
        return uri;
    }
    return vscode.Uri.parse(uri.toString());
}
