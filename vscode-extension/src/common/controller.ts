// The server's life: started when the first Python file with TVMScript shows up, restarted on
// demand (serialised), and a clear word, once, when no interpreter has tvmscript installed.

import type { Api, Disposable, Doc, DocUri, Log } from './api';
import {
    describeCommand,
    missingMessage,
    resolveServer,
    type Missing,
    type Probes,
    type ServerCommand,
} from './serverCommand';
import type { ServerInfo } from './serverInfo';
import { readSettings, type Settings } from './settings';
import type { ServerState } from './status';
import { isServedDocument, looksLikeTVMScript } from './tvmscriptText';

/** The language client, as the controller drives it. */
export interface LspClient extends Disposable {
    start(): Promise<void>;
    stop(): Promise<void>;
}

export interface ClientEvents {
    /** The client's own state changed (it restarts a crashed server by itself). */
    onState(state: 'starting' | 'running' | 'stopped'): void;
}

export type ClientFactory = (
    command: ServerCommand,
    settings: Settings,
    events: ClientEvents,
) => LspClient;

export interface ControllerDeps {
    readonly api: Api;
    readonly info: ServerInfo;
    readonly log: Log;
    readonly probes: Probes;
    /** The interpreter selected in the Python extension (undefined without it). */
    readonly selectedInterpreter: (resource: DocUri | undefined) => Promise<string | undefined>;
    readonly createClient: ClientFactory;
    /** `pip install` the server's distribution; resolves to whether it worked. */
    readonly install: (python: string) => Promise<boolean>;
    readonly onState: (state: ServerState, detail: string) => void;
}

const INSTALL = 'Install';
const OPEN_SETTINGS = 'Open Settings';
const SHOW_OUTPUT = 'Show Output';

export class ServerController implements Disposable {
    private client: LspClient | undefined;
    private command: ServerCommand | undefined;
    private state: ServerState = 'idle';
    private queue: Promise<void> = Promise.resolve();
    /** The `missingMessage`s already shown: each is said once. */
    private readonly warned = new Set<string>();
    private disposed = false;

    constructor(private readonly deps: ControllerDeps) {}

    get current(): LspClient | undefined {
        return this.state === 'running' ? this.client : undefined;
    }

    get serverState(): ServerState {
        return this.state;
    }

    /** Start the server if it is idle and `doc` is a Python file that may hold TVMScript. */
    async documentSeen(doc: Doc): Promise<void> {
        if (this.state !== 'idle' || !isServedDocument(doc) || !looksLikeTVMScript(doc.getText())) {
            return;
        }
        await this.restart(doc.uri);
    }

    /** Stop the running server (if any) and start one: serialised, the last request wins. */
    restart(resource?: DocUri): Promise<void> {
        const next = this.queue.then(() => this.restartNow(resource));
        this.queue = next.catch(() => undefined);
        return next;
    }

    /** Settings or the selected interpreter changed: restart, unless it never started. */
    async configurationChanged(): Promise<void> {
        if (this.state !== 'idle') {
            await this.restart();
        }
    }

    /** The running client, starting the server first if it never was. */
    async ensureRunning(resource?: DocUri): Promise<LspClient | undefined> {
        if (this.state === 'idle') {
            await this.restart(resource);
        }
        await this.queue;
        if (this.state === 'notInstalled') {
            this.warned.clear(); // asked for explicitly: say it again
            await this.restart(resource);
        }
        return this.current;
    }

    async dispose(): Promise<void> {
        this.disposed = true;
        await this.queue;
        await this.stopClient();
    }

    private async restartNow(resource: DocUri | undefined): Promise<void> {
        if (this.disposed) {
            return;
        }
        await this.stopClient();
        const { api, info, log } = this.deps;
        const settings = readSettings(api.settings(info.id, resource));
        const selected = await this.deps.selectedInterpreter(resource);
        const resolution = await resolveServer(settings, selected, info, this.deps.probes);
        if ('missing' in resolution) {
            this.setState('notInstalled', resolution.missing.tried.join('\n'));
            this.reportMissing(resolution.missing);
            return;
        }
        const command = resolution.found;
        const line = describeCommand(command);
        log.info(`starting the server (${command.source}): ${line}`);
        this.setState('starting', line);
        const client = this.deps.createClient(command, settings, {
            onState: (state) => {
                if (this.client === client) {
                    this.setState(state, line);
                }
            },
        });
        this.client = client;
        this.command = command;
        try {
            await client.start();
            this.setState('running', line);
        } catch (error) {
            log.error(`the server did not start: ${String(error)}`);
            this.setState('failed', `${line}\n${String(error)}`);
            void api
                .showError(`${info.name}: the server did not start (${line}).`, SHOW_OUTPUT)
                .then((choice) => {
                    if (choice === SHOW_OUTPUT) {
                        log.show();
                    }
                });
        }
    }

    private async stopClient(): Promise<void> {
        const client = this.client;
        if (client === undefined) {
            return;
        }
        this.client = undefined;
        this.command = undefined;
        try {
            await client.stop();
        } catch (error) {
            this.deps.log.warn(`stopping the server: ${String(error)}`);
        }
        client.dispose();
        this.setState('stopped', '');
    }

    private setState(state: ServerState, detail: string): void {
        this.state = state;
        this.deps.onState(state, detail);
    }

    private reportMissing(missing: Missing): void {
        const { api, info, log } = this.deps;
        const message = missingMessage(info, missing);
        log.warn(message);
        if (this.warned.has(message)) {
            return;
        }
        this.warned.add(message);
        const python = missing.installInto;
        const actions =
            python === undefined ? [OPEN_SETTINGS, SHOW_OUTPUT] : [INSTALL, OPEN_SETTINGS];
        void api.showWarning(message, ...actions).then(async (choice) => {
            if (choice === INSTALL && python !== undefined) {
                await this.installInto(python);
            } else if (choice === OPEN_SETTINGS) {
                await api.openSettings(`${info.id}.`);
            } else if (choice === SHOW_OUTPUT) {
                log.show();
            }
        });
    }

    private async installInto(python: string): Promise<void> {
        const { api, info } = this.deps;
        const done = await api.withProgress(`Installing ${info.package} into ${python}`, () =>
            this.deps.install(python),
        );
        if (done) {
            await this.restart();
            return;
        }
        const choice = await api.showError(
            `${info.name}: installing ${info.package} into ${python} failed.`,
            SHOW_OUTPUT,
        );
        if (choice === SHOW_OUTPUT) {
            this.deps.log.show();
        }
    }

    /** The command line of the running server ('' when none). */
    describe(): string {
        return this.command === undefined ? '' : describeCommand(this.command);
    }
}
