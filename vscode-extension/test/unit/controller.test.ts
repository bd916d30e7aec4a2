import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ServerController, type ClientEvents, type LspClient } from '../../src/common/controller';
import type { ServerCommand } from '../../src/common/serverCommand';
import type { ServerState } from '../../src/common/status';
import {
    FakeApi,
    FakeLog,
    INFO,
    PLAIN_TEXT,
    TVMSCRIPT_TEXT,
    doc,
    fakeProbes,
    settle,
} from './fakes';

class FakeClient implements LspClient {
    readonly calls: string[] = [];
    constructor(
        readonly command: ServerCommand,
        readonly events: ClientEvents,
        private readonly fail = false,
    ) {}
    start(): Promise<void> {
        this.calls.push('start');
        return this.fail ? Promise.reject(new Error('spawn ENOENT')) : Promise.resolve();
    }
    stop(): Promise<void> {
        this.calls.push('stop');
        return Promise.resolve();
    }
    dispose(): void {
        this.calls.push('dispose');
    }
}

function setup(
    options: {
        pythons?: string[];
        selected?: string;
        failStart?: boolean;
        installs?: boolean;
    } = {},
) {
    const api = new FakeApi();
    const log = new FakeLog();
    const clients: FakeClient[] = [];
    const states: ServerState[] = [];
    const installed: string[] = [];
    const pythons = options.pythons ?? ['/venv/python'];
    const controller = new ServerController({
        api,
        info: INFO,
        log,
        probes: fakeProbes(pythons),
        selectedInterpreter: () => Promise.resolve(options.selected ?? '/venv/python'),
        createClient: (command, _settings, events) => {
            const client = new FakeClient(command, events, options.failStart);
            clients.push(client);
            return client;
        },
        install: (python) => {
            installed.push(python);
            if (options.installs === true) {
                pythons.push(python);
            }
            return Promise.resolve(options.installs === true);
        },
        onState: (state) => states.push(state),
    });
    return { api, log, clients, states, installed, controller };
}

describe('ServerController', () => {
    it('does not start for a plain Python file', async () => {
        const { clients, controller } = setup();
        await controller.documentSeen(doc('/w/p.py', PLAIN_TEXT));
        await controller.documentSeen(doc('/w/k.txt', TVMSCRIPT_TEXT, 'plaintext'));
        assert.equal(clients.length, 0);
        assert.equal(controller.serverState, 'idle');
    });

    it('starts the server with the selected interpreter for the first TVMScript file, once', async () => {
        const { clients, states, controller } = setup();
        await controller.documentSeen(doc('/w/k.py', TVMSCRIPT_TEXT));
        await controller.documentSeen(doc('/w/k2.py', TVMSCRIPT_TEXT));
        assert.equal(clients.length, 1);
        assert.deepEqual(clients[0]?.command, {
            command: '/venv/python',
            args: ['-m', 'tvmscript_server'],
            source: 'Python extension',
        });
        assert.deepEqual(states, ['starting', 'running']);
        assert.equal(controller.current, clients[0]);
        assert.equal(controller.describe(), '/venv/python -m tvmscript_server');
    });

    it('stops the old server before it starts a new one, one restart after the other', async () => {
        const { clients, controller } = setup();
        await Promise.all([controller.restart(), controller.restart(), controller.restart()]);
        assert.equal(clients.length, 3);
        assert.deepEqual(clients[0]?.calls, ['start', 'stop', 'dispose']);
        assert.deepEqual(clients[1]?.calls, ['start', 'stop', 'dispose']);
        assert.deepEqual(clients[2]?.calls, ['start']);
    });

    it('follows the client’s own state while it is the current one', async () => {
        const { clients, states, controller } = setup();
        await controller.restart();
        clients[0]?.events.onState('stopped');
        assert.equal(states.at(-1), 'stopped');
        assert.equal(controller.current, undefined);
    });

    it('says once that tvmscript is missing, offering to install it into the interpreter', async () => {
        const { api, clients, states, controller } = setup({ pythons: [] });
        await controller.restart();
        await controller.restart();
        await settle();
        assert.equal(clients.length, 0);
        assert.equal(states.at(-1), 'notInstalled');
        assert.equal(api.warnings.length, 1);
        assert.match(
            api.warnings[0] ?? '',
            /tvmscript is not installed .* Install it into \/venv\/python\?/,
        );
    });

    it('installs into the interpreter when asked, then starts the server', async () => {
        const { api, clients, installed, controller } = setup({ pythons: [], installs: true });
        api.choice = 'Install';
        await controller.restart();
        await settle();
        await controller.restart(); // (the queued restart after the install)
        assert.deepEqual(installed, ['/venv/python']);
        assert.deepEqual(api.progress, ['Installing tvmscript into /venv/python']);
        assert.equal(clients.length >= 1, true);
        assert.equal(controller.serverState, 'running');
    });

    it('says so when the install fails', async () => {
        const { api, installed, controller } = setup({ pythons: [], installs: false });
        api.choice = 'Install';
        await controller.restart();
        await settle();
        assert.deepEqual(installed, ['/venv/python']);
        assert.deepEqual(api.errors, ['TVMScript: installing tvmscript into /venv/python failed.']);
    });

    it('says it again when a command needs the server', async () => {
        const { api, controller } = setup({ pythons: [] });
        await controller.restart();
        assert.equal(await controller.ensureRunning(), undefined);
        await settle();
        assert.equal(api.warnings.length, 2);
    });

    it('reports a server that does not start', async () => {
        const { api, log, states, controller } = setup({ failStart: true });
        await controller.restart();
        await settle();
        assert.equal(states.at(-1), 'failed');
        assert.equal(controller.current, undefined);
        assert.match(
            api.errors[0] ?? '',
            /the server did not start \(\/venv\/python -m tvmscript_server\)/,
        );
        assert.ok(log.lines.some((l) => l.includes('spawn ENOENT')));
    });

    it('restarts on a settings change only once it has started', async () => {
        const { clients, controller } = setup();
        await controller.configurationChanged();
        assert.equal(clients.length, 0);
        await controller.documentSeen(doc('/w/k.py', TVMSCRIPT_TEXT));
        await controller.configurationChanged();
        assert.equal(clients.length, 2);
    });

    it('stops the server when disposed and starts no other', async () => {
        const { clients, controller } = setup();
        await controller.restart();
        await controller.dispose();
        await controller.restart();
        assert.equal(clients.length, 1);
        assert.deepEqual(clients[0]?.calls, ['start', 'stop', 'dispose']);
    });
});
