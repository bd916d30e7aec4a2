// Driving the VS Code workbench in Chromium the way a person does: keyboard, mouse, and what
// the page shows (Monaco renders text with non-breaking spaces).

import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Chromium as root, offline: no sandbox, no GPU, no background connections. */
const CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

export function findChromium(): string | undefined {
    const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
    return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c));
}

/** Headless Chromium; Playwright gives it a new, empty `--user-data-dir` of its own. */
export function launchChromium(executable: string): Promise<Browser> {
    return chromium.launch({ executablePath: executable, headless: true, args: CHROMIUM_FLAGS });
}

export function visibleText(raw: string): string {
    return raw.replaceAll('\u00a0', ' ');
}

export class Workbench {
    private step = 0;

    constructor(
        readonly page: Page,
        private readonly artifacts: string,
    ) {
        mkdirSync(artifacts, { recursive: true });
    }

    async open(url: string): Promise<void> {
        await this.page.goto(url);
        await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
        // The explorer lists the workspace once the window is ready for input.
        await this.page
            .locator('.explorer-folders-view .monaco-list-row')
            .first()
            .waitFor({ timeout: 90_000 });
    }

    /** A numbered screenshot of the whole window in the artifacts folder. */
    async screenshot(name: string): Promise<string> {
        this.step += 1;
        const file = path.join(this.artifacts, `${String(this.step).padStart(2, '0')}-${name}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }

    async quickOpen(file: string): Promise<void> {
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(file);
        await this.page
            .locator('.quick-input-widget .monaco-list-row', { hasText: file })
            .first()
            .waitFor();
        await this.page.keyboard.press('Enter');
        await this.page.locator('.tab.active', { hasText: file }).waitFor();
    }

    /** Runs a command of the palette by its exact label. */
    async runCommand(label: string): Promise<void> {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(`>${label}`);
        const row = this.page.locator('.quick-input-widget .monaco-list-row', {
            has: this.page.locator('.label-name', {
                hasText: new RegExp(`^${escapeRegExp(label)}$`),
            }),
        });
        await row.first().waitFor();
        await row.first().click();
    }

    /** Puts the cursor at 1-based `line`, `column` of the active editor (Go to Line). */
    async goTo(line: number, column: number): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /** The editor of the tab whose title contains `title`. */
    editor(title: string): Locator {
        return this.page
            .locator('.editor-group-container', {
                has: this.page.locator('.tab.active', { hasText: title }),
            })
            .locator('.monaco-editor')
            .first();
    }

    /** The lines the editor shows (only the rendered ones: keep the file short). */
    async editorLines(title: string): Promise<string[]> {
        // One snapshot of the DOM (Monaco re-renders lines while the text changes); the lines
        // are absolutely positioned, so their order is their `top`, not the DOM's.
        const rows = await this.editor(title)
            .locator('.view-lines .view-line')
            .evaluateAll((nodes) =>
                nodes.map((n) => ({
                    top: parseFloat((n as HTMLElement).style.top) || 0,
                    text: n.textContent,
                })),
            );
        return rows.sort((a, b) => a.top - b.top).map((r) => visibleText(r.text));
    }

    /** Hovers the mouse over the character right of the cursor of the active editor. */
    async hoverAtCursor(): Promise<void> {
        const cursor = this.page
            .locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor')
            .first();
        const box = await cursor.boundingBox();
        if (box === null) {
            throw new Error('the editor shows no cursor');
        }
        await this.page.mouse.move(box.x + 5, box.y + box.height / 2);
    }
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
