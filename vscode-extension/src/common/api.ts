// The shape of the editor as the extension's logic sees it: narrow, structural interfaces that
// `vscodeapi.ts` implements with the real `vscode` API and the unit tests implement with fakes.
// Nothing here imports `vscode` at run time.

export interface Disposable {
    dispose(): unknown;
}

export type Listener<T> = (event: T) => unknown;

/** A document's address: what the logic reads of a `vscode.Uri`. */
export interface DocUri {
    readonly scheme: string;
    readonly fsPath: string;
    toString(): string;
}

/** What the logic reads of a `vscode.TextDocument`. */
export interface Doc {
    readonly uri: DocUri;
    readonly languageId: string;
    readonly version: number;
    getText(): string;
}

export interface Position {
    readonly line: number;
    readonly character: number;
}

/** What the logic reads of a `vscode.TextEditor`. */
export interface Editor {
    readonly document: Doc;
    readonly selection: { readonly active: Position };
}

/** The log of the extension and of its server (a `vscode.LogOutputChannel`). */
export interface Log {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
    show(preserveFocus?: boolean): void;
}

/** A status bar entry (a `vscode.StatusBarItem`). */
export interface StatusItem {
    text: string;
    tooltip: string | undefined;
    command: string | undefined;
    show(): void;
    hide(): void;
    dispose(): void;
}

/** Reads one section of the settings for a resource (`vscode.WorkspaceConfiguration`). */
export interface SettingsReader {
    get(key: string): unknown;
}

/** The editor, as the controller, the IR views and format-on-save use it. */
export interface Api {
    registerCommand(id: string, run: (...args: unknown[]) => unknown): Disposable;
    settings(section: string, resource?: DocUri): SettingsReader;
    /** Calls `listener` when one of the settings `keys` (full names) changes. */
    onSettingsChanged(keys: readonly string[], listener: () => void): Disposable;
    textDocuments(): readonly Doc[];
    onDidOpenTextDocument(listener: Listener<Doc>): Disposable;
    onDidChangeTextDocument(listener: Listener<Doc>): Disposable;
    activeEditor(): Editor | undefined;
    onDidChangeActiveEditor(listener: Listener<Editor | undefined>): Disposable;
    createStatusItem(id: string, name: string): StatusItem;
    showWarning(message: string, ...actions: string[]): Promise<string | undefined>;
    showError(message: string, ...actions: string[]): Promise<string | undefined>;
    openSettings(query: string): Promise<void>;
    withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
}
