// The server's state, as the status bar item shows it.

import type { StatusItem } from './api';

export type ServerState = 'idle' | 'starting' | 'running' | 'stopped' | 'failed' | 'notInstalled';

export interface StatusView {
    readonly text: string;
    readonly tooltip: string;
}

const ICONS: Record<ServerState, string> = {
    idle: '$(circle-large-outline)',
    starting: '$(loading~spin)',
    running: '$(check)',
    stopped: '$(debug-stop)',
    failed: '$(error)',
    notInstalled: '$(warning)',
};

const WORDS: Record<ServerState, string> = {
    idle: 'not started (no TVMScript file opened yet)',
    starting: 'starting',
    running: 'running',
    stopped: 'stopped',
    failed: 'failed to start',
    notInstalled: 'not installed',
};

/** Text and tooltip of the item; `detail` is e.g. the server's command line. */
export function describeState(name: string, state: ServerState, detail: string): StatusView {
    const tooltip = `${name} server: ${WORDS[state]}${detail === '' ? '' : `\n${detail}`}\nClick to show the output.`;
    return { text: `${ICONS[state]} ${name}`, tooltip };
}

/** The status bar item: visible while the active editor holds a Python file. */
export class StatusBar {
    private state: ServerState = 'idle';
    private detail = '';

    constructor(
        private readonly item: StatusItem,
        private readonly name: string,
        showOutputCommand: string,
    ) {
        item.command = showOutputCommand;
        this.render();
    }

    get current(): ServerState {
        return this.state;
    }

    set(state: ServerState, detail: string): void {
        this.state = state;
        this.detail = detail;
        this.render();
    }

    setVisible(visible: boolean): void {
        if (visible) {
            this.item.show();
        } else {
            this.item.hide();
        }
    }

    dispose(): void {
        this.item.dispose();
    }

    private render(): void {
        const view = describeState(this.name, this.state, this.detail);
        this.item.text = view.text;
        this.item.tooltip = view.tooltip;
    }
}
