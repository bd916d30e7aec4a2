// The server's `window/showMessage`s, except those that answer an IR request in flight: those
// become the IR document's text, so that a refresh after each edit raises no pop-up.

export type MessageLevel = 'error' | 'warning' | 'info';

export class MessageRouter {
    private readonly waiting = new Map<string, string[]>();

    constructor(private readonly show: (level: MessageLevel, message: string) => void) {}

    /** Collects the messages of `command` (they start with its name) while `request` runs. */
    async during<T>(
        command: string,
        request: () => Promise<T>,
    ): Promise<{ result: T; messages: string[] }> {
        const messages: string[] = [];
        const previous = this.waiting.get(command);
        this.waiting.set(command, messages);
        try {
            return { result: await request(), messages };
        } finally {
            if (previous === undefined) {
                this.waiting.delete(command);
            } else {
                this.waiting.set(command, previous);
            }
        }
    }

    /** A `window/showMessage` from the server. */
    handle(level: MessageLevel, message: string): void {
        for (const [command, messages] of this.waiting) {
            if (message.startsWith(command)) {
                messages.push(message);
                return;
            }
        }
        this.show(level, message);
    }
}
