// Fakes of `api.ts`: an editor in memory that records what the extension asked of it.

import type {
    Api,
    Disposable,
    Doc,
    DocUri,
    Editor,
    Listener,
    Log,
    SettingsReader,
    StatusItem,
} from '../../src/common/api';
import type { Probes } from '../../src/common/serverCommand';
import type { ServerInfo } from '../../src/common/serverInfo';

export const INFO: ServerInfo = {
    id: 'tvmscript',
    name: 'TVMScript',
    module: 'tvmscript_server',
    package: 'tvmscript',
    executable: 'tvmscript',
};

export function uri(fsPath: string, scheme = 'file'): DocUri {
    return { scheme, fsPath, toString: () => `${scheme}://${fsPath}` };
}

export function doc(fsPath: string, text: string, languageId = 'python', scheme = 'file'): Doc {
    return { uri: uri(fsPath, scheme), languageId, version: 1, getText: () => text };
}

export const TVMSCRIPT_TEXT =
    'from tvm.script import tirx as T\n\n@T.prim_func\ndef f():\n    pass\n';
export const PLAIN_TEXT = 'import os\n\nprint(os.getcwd())\n';

class Emitter<T> {
    private readonly listeners: Listener<T>[] = [];
    on(listener: Listener<T>): Disposable {
        this.listeners.push(listener);
        return { dispose: () => this.listeners.splice(this.listeners.indexOf(listener), 1) };
    }
    fire(event: T): void {
        for (const listener of [...this.listeners]) {
            void listener(event);
        }
    }
}

export class FakeStatusItem implements StatusItem {
    text = '';
    tooltip: string | undefined;
    command: string | undefined;
    visible = false;
    show(): void {
        this.visible = true;
    }
    hide(): void {
        this.visible = false;
    }
    dispose(): void {
        this.visible = false;
    }
}

export class FakeLog implements Log {
    readonly lines: string[] = [];
    shown = 0;
    info(message: string): void {
        this.lines.push(`info: ${message}`);
    }
    warn(message: string): void {
        this.lines.push(`warn: ${message}`);
    }
    error(message: string): void {
        this.lines.push(`error: ${message}`);
    }
    show(): void {
        this.shown += 1;
    }
}

/** Answers `showWarning`/`showError` with `choice` (undefined: the user closed it). */
export class FakeApi implements Api {
    readonly commands = new Map<string, (...args: unknown[]) => unknown>();
    readonly warnings: string[] = [];
    readonly errors: string[] = [];
    readonly opened: string[] = [];
    readonly progress: string[] = [];
    choice: string | undefined;
    values: Record<string, unknown> = {};
    documents: Doc[] = [];
    editor: Editor | undefined;
    readonly opens = new Emitter<Doc>();
    readonly changes = new Emitter<Doc>();
    readonly editors = new Emitter<Editor | undefined>();
    readonly settingsChanges = new Emitter<undefined>();

    registerCommand(id: string, run: (...args: unknown[]) => unknown): Disposable {
        this.commands.set(id, run);
        return { dispose: () => this.commands.delete(id) };
    }
    settings(): SettingsReader {
        return { get: (key) => this.values[key] };
    }
    onSettingsChanged(_keys: readonly string[], listener: () => void): Disposable {
        return this.settingsChanges.on(listener);
    }
    textDocuments(): readonly Doc[] {
        return this.documents;
    }
    onDidOpenTextDocument(listener: Listener<Doc>): Disposable {
        return this.opens.on(listener);
    }
    onDidChangeTextDocument(listener: Listener<Doc>): Disposable {
        return this.changes.on(listener);
    }
    activeEditor(): Editor | undefined {
        return this.editor;
    }
    onDidChangeActiveEditor(listener: Listener<Editor | undefined>): Disposable {
        return this.editors.on(listener);
    }
    createStatusItem(): StatusItem {
        return new FakeStatusItem();
    }
    showWarning(message: string): Promise<string | undefined> {
        this.warnings.push(message);
        return Promise.resolve(this.choice);
    }
    showError(message: string): Promise<string | undefined> {
        this.errors.push(message);
        return Promise.resolve(this.choice);
    }
    openSettings(query: string): Promise<void> {
        this.opened.push(query);
        return Promise.resolve();
    }
    async withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
        this.progress.push(title);
        return task();
    }
}

/** A machine where `pythons` import the server and `executables` exist (and are on PATH). */
export function fakeProbes(
    pythons: string[],
    executables: string[] = [],
    onPath: Record<string, string> = {},
): Probes & { asked: string[] } {
    const asked: string[] = [];
    return {
        asked,
        hasModule(python) {
            asked.push(`hasModule ${python}`);
            return Promise.resolve(pythons.includes(python));
        },
        isExecutable(file) {
            asked.push(`isExecutable ${file}`);
            return Promise.resolve(executables.includes(file));
        },
        which(name) {
            asked.push(`which ${name}`);
            return Promise.resolve(onPath[name]);
        },
    };
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
    for (let i = 0; i < 10; i += 1) {
        await new Promise((resolve) => setImmediate(resolve));
    }
}
