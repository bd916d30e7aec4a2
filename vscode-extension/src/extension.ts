// Wiring only: the controller, the client factory, the IR views, the commands and the events.

import type * as vscode from 'vscode';

import type { Doc, DocUri } from './common/api';
import { TVMScriptClient } from './common/client';
import { ServerController } from './common/controller';
import { shouldFormatOnSave } from './common/formatOnSave';
import { openIrView } from './common/irCommands';
import { IR_KINDS, IR_SCHEME, IrViews, type IrKind } from './common/irViews';
import { MessageRouter } from './common/messages';
import { machineProbes, pipInstall } from './common/probes';
import { onInterpreterChanged, selectedInterpreter } from './common/python';
import { loadServerInfo } from './common/serverInfo';
import { readSettings, restartKeys, type Settings } from './common/settings';
import { StatusBar } from './common/status';
import { isServedDocument } from './common/tvmscriptText';
import {
    basename,
    createOutputChannel,
    onDidCloseTextDocument,
    onWillSavePython,
    registerVirtualDocuments,
    showBeside,
    vscodeApi as api,
    virtualUri,
    workspaceFolderOf,
} from './common/vscodeapi';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const info = loadServerInfo(context.extension.packageJSON);
    const output = createOutputChannel(info.name);
    const settingsFor = (uri: DocUri | undefined): Settings =>
        readSettings(api.settings(info.id, uri), workspaceFolderOf(uri));
    const router = new MessageRouter((level, message) => {
        void (level === 'error' ? api.showError(message) : api.showWarning(message));
    });
    const status = new StatusBar(
        api.createStatusItem(`${info.id}.status`, `${info.name} server`),
        info.name,
        `${info.id}.showOutput`,
    );
    let client: TVMScriptClient | undefined;
    const server = new ServerController({
        api,
        info,
        log: output,
        probes: machineProbes,
        selectedInterpreter,
        createClient: (command, settings, events) => {
            client = new TVMScriptClient(
                { info, output, settingsFor, router },
                command,
                settings,
                events,
            );
            return client;
        },
        install: async (python) => {
            output.info(`${python} -m pip install --upgrade ${info.package}`);
            const result = await pipInstall(python, info.package);
            output.info(result.output);
            return result.code === 0;
        },
        onState: (state, detail) => {
            status.set(state, detail);
        },
    });
    controller = server;
    const running = (): TVMScriptClient | undefined =>
        server.current === undefined ? undefined : client;

    const virtual = registerVirtualDocuments(IR_SCHEME, (uri, query) => views.provide(uri, query));
    const views = new IrViews(
        async (target) =>
            running()?.showIr(target) ?? { error: `${info.name}: the server is not running` },
        virtual.changed,
    );
    const irDeps = {
        api,
        info,
        views,
        server: async (editor: { document: Doc }) => {
            await server.ensureRunning(editor.document.uri);
            return running();
        },
        virtualUri,
        showBeside,
        basename: (editor: { document: Doc }) => basename(editor.document),
    };

    const showStatusFor = (editor: { document: Doc } | undefined) => {
        status.setVisible(editor?.document.languageId === 'python');
    };
    context.subscriptions.push(
        output,
        status,
        virtual.registration,
        views,
        { dispose: () => void server.dispose() },
        api.registerCommand(`${info.id}.restartServer`, () =>
            server.restart(api.activeEditor()?.document.uri),
        ),
        api.registerCommand(`${info.id}.showOutput`, () => {
            output.show();
        }),
        ...(Object.keys(IR_KINDS) as IrKind[]).map((kind) =>
            api.registerCommand(IR_KINDS[kind].command, () => openIrView(irDeps, kind)),
        ),
        api.onSettingsChanged(restartKeys(context.extension.packageJSON, info.id), () => {
            void server.configurationChanged();
        }),
        api.onDidOpenTextDocument((doc) => server.documentSeen(doc)),
        api.onDidChangeTextDocument((doc) => {
            if (isServedDocument(doc)) {
                views.sourceChanged(doc.uri.toString());
            }
        }),
        onDidCloseTextDocument((uri) => {
            views.closed(uri);
        }),
        api.onDidChangeActiveEditor(showStatusFor),
        onWillSavePython((doc, options) => {
            const current = running();
            if (current === undefined || !shouldFormatOnSave(doc, settingsFor(doc.uri), true)) {
                return undefined;
            }
            return current.formatEdits(doc, options).catch((error: unknown) => {
                output.warn(`format on save: ${String(error)}`);
                return [];
            });
        }),
    );
    const interpreterWatch = await onInterpreterChanged(() => {
        void server.configurationChanged();
    });
    if (interpreterWatch !== undefined) {
        context.subscriptions.push(interpreterWatch);
    }
    showStatusFor(api.activeEditor());
    for (const doc of api.textDocuments()) {
        await server.documentSeen(doc);
    }
}

export async function deactivate(): Promise<void> {
    await controller?.dispose();
    controller = undefined;
}
