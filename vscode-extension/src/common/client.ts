// The language client (vscode-languageclient 11) for one server command: document selector,
// middleware for the `tvmscript.*` settings, and the requests the extension makes itself.

import type * as vscode from 'vscode';
import {
    DocumentFormattingRequest,
    DocumentSymbolRequest,
    ExecuteCommandRequest,
    LanguageClient,
    MessageType,
    ResponseError,
    RevealOutputChannelOn,
    ShowMessageNotification,
    State,
    type DocumentSymbol,
    type LanguageClientOptions,
    type ServerOptions,
    type SymbolInformation,
} from 'vscode-languageclient/node';

import type { DocUri } from './api';
import type { ClientEvents, LspClient } from './controller';
import { filterDiagnostics } from './diagnosticsFilter';
import { IR_KINDS, type IrAnswer, type IrTarget, type SymbolLike } from './irViews';
import type { MessageLevel, MessageRouter } from './messages';
import type { ServerCommand } from './serverCommand';
import type { ServerInfo } from './serverInfo';
import { initializationOptions, type Settings } from './settings';

export interface ClientDeps {
    readonly info: ServerInfo;
    readonly output: vscode.LogOutputChannel;
    /** The settings of a resource, read when used (inlay hints and diagnostics filters). */
    readonly settingsFor: (uri: DocUri | undefined) => Settings;
    readonly router: MessageRouter;
}

const LEVELS: Record<number, MessageLevel> = {
    [MessageType.Error]: 'error',
    [MessageType.Warning]: 'warning',
};

/** A `LanguageClient` plus the requests the extension's commands make. */
export class TVMScriptClient implements LspClient {
    readonly client: LanguageClient;

    constructor(
        private readonly deps: ClientDeps,
        command: ServerCommand,
        settings: Settings,
        events: ClientEvents,
    ) {
        const serverOptions: ServerOptions = {
            command: command.command,
            args: [...command.args],
            options: { env: { ...process.env, PYTHONUNBUFFERED: '1' } },
        };
        this.client = new LanguageClient(
            deps.info.id,
            deps.info.name,
            serverOptions,
            clientOptions(deps, settings),
        );
        this.client.onNotification(ShowMessageNotification.type, (params) => {
            deps.router.handle(LEVELS[params.type] ?? 'info', params.message);
        });
        this.client.onDidChangeState((change) => {
            events.onState(
                change.newState === State.Running
                    ? 'running'
                    : change.newState === State.Starting
                      ? 'starting'
                      : 'stopped',
            );
        });
    }

    start(): Promise<void> {
        return this.client.start();
    }

    async stop(): Promise<void> {
        if (this.client.isRunning()) {
            await this.client.stop();
        }
    }

    dispose(): void {
        void this.client.dispose();
    }

    /** The server's `tvmscript.show*` command for `target`, as text or as an error message. */
    async showIr(target: IrTarget): Promise<IrAnswer> {
        const command = IR_KINDS[target.kind].serverCommand;
        const provided =
            this.client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
        if (!provided.includes(command)) {
            return {
                error: `${command}: not provided by this ${this.deps.info.package} server (update it)`,
            };
        }
        const args = target.name === undefined ? [target.source] : [target.source, target.name];
        try {
            const { result, messages } = await this.deps.router.during<unknown>(command, () =>
                this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }),
            );
            if (typeof result === 'string') {
                return { text: result };
            }
            return { error: messages.at(-1) ?? `${command}: the server returned no text` };
        } catch (error) {
            const message = error instanceof ResponseError ? error.message : String(error);
            return { error: message.startsWith(command) ? message : `${command}: ${message}` };
        }
    }

    /** The document's top-level symbols (TVMScript definitions), outermost first. */
    async topLevelSymbols(uri: string): Promise<SymbolLike[]> {
        const answer: (DocumentSymbol | SymbolInformation)[] | null = await this.client.sendRequest(
            DocumentSymbolRequest.type,
            { textDocument: { uri } },
        );
        return (answer ?? []).map((s) => ({
            name: s.name,
            range: 'range' in s ? s.range : s.location.range,
        }));
    }

    /** The server's edits formatting the TVMScript definitions of `doc`. */
    async formatEdits(
        doc: vscode.TextDocument,
        options: vscode.FormattingOptions,
    ): Promise<vscode.TextEdit[]> {
        const edits = await this.client.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri: doc.uri.toString() },
            options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
        });
        return (await this.client.protocol2CodeConverter.asTextEdits(edits)) ?? [];
    }
}

function clientOptions(deps: ClientDeps, settings: Settings): LanguageClientOptions {
    return {
        documentSelector: [
            { scheme: 'file', language: 'python' },
            { scheme: 'untitled', language: 'python' },
        ],
        outputChannel: deps.output,
        traceOutputChannel: deps.output,
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        initializationOptions: initializationOptions(settings),
        diagnosticPullOptions: { onChange: true, onSave: true },
        middleware: {
            handleDiagnostics(uri, diagnostics, next) {
                next(uri, filterDiagnostics(diagnostics, deps.settingsFor(uri).diagnostics));
            },
            async provideDiagnostics(document, previousResultId, token, next) {
                const report = await next(document, previousResultId, token);
                if (report === undefined || report === null || !('items' in report)) {
                    return report;
                }
                const uri = 'uri' in document ? document.uri : document;
                return {
                    ...report,
                    items: filterDiagnostics(report.items, deps.settingsFor(uri).diagnostics),
                };
            },
            provideInlayHints(document, viewPort, token, next) {
                return deps.settingsFor(document.uri).inlayHints
                    ? next(document, viewPort, token)
                    : [];
            },
        },
    };
}
