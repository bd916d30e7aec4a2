// The extension end to end: the .vsix installed into code-server (VS Code 1.139 in the
// browser), driven in headless Chromium; the server is this checkout's (`python -m
// tvmscript_server` through `tvmscript.interpreter`). Screenshots of each step go to
// artifacts/e2e/ (TVMSCRIPT_E2E_ARTIFACTS).
//
// Needs: TVMSCRIPT_E2E_NODE (node 24), TVMSCRIPT_E2E_CODE_SERVER (code-server's package
// folder), dist/tvmscript.vsix, and Chromium (CHROMIUM or /usr/bin/chromium; skipped, loudly,
// without it). `make extension-e2e` sets all of it up.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { Browser } from 'playwright-core';

import {
    installExtension,
    makeWorkspace,
    startCodeServer,
    type RunningCodeServer,
} from './codeServer';
import { Workbench, findChromium, launchChromium, visibleText } from './workbench';

const EXTENSION_DIR = path.resolve(__dirname, '..', '..', '..');
// A .txt in the repository, so that Python linters and formatters leave its errors alone.
const FIXTURE = path.join(EXTENSION_DIR, 'test', 'e2e', 'fixtures', 'kernels.py.txt');
const VSIX = path.join(EXTENSION_DIR, 'dist', 'tvmscript.vsix');
const ARTIFACTS =
    process.env.TVMSCRIPT_E2E_ARTIFACTS ?? path.join(EXTENSION_DIR, 'artifacts', 'e2e');
const PYTHON =
    process.env.TVMSCRIPT_PYTHON ?? path.resolve(EXTENSION_DIR, '..', '.venv', 'bin', 'python');
const FILE = 'kernels.py';

const chromiumPath = findChromium();
const skip =
    chromiumPath === undefined
        ? 'Chromium is not installed (apt-get install chromium, or set CHROMIUM): the VS Code end-to-end test did not run'
        : false;
if (skip !== false) {
    console.error(`\n*** SKIPPED: ${skip} ***\n`);
}

function required(name: string): string {
    const value = process.env[name];
    if (value === undefined || value === '' || !existsSync(value)) {
        throw new Error(
            `${name} must name an existing path (make extension-e2e sets it up), got '${value ?? ''}'`,
        );
    }
    return value;
}

describe('the extension in VS Code (code-server + Chromium)', { skip }, () => {
    let browser: Browser | undefined;
    let server: RunningCodeServer | undefined;
    let bench: Workbench;
    const original = readFileSync(FIXTURE, 'utf8');

    before(async () => {
        assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
        assert.ok(
            existsSync(PYTHON),
            `${PYTHON} is missing: set TVMSCRIPT_PYTHON (a Python with tvmscript)`,
        );
        rmSync(ARTIFACTS, { recursive: true, force: true });
        const setup = {
            node: required('TVMSCRIPT_E2E_NODE'),
            codeServer: required('TVMSCRIPT_E2E_CODE_SERVER'),
            root: mkdtempSync(path.join(os.tmpdir(), 'tvmscript-e2e-')),
        };
        const installed = await installExtension(setup, VSIX);
        assert.match(installed, /was successfully installed/);
        const workspace = makeWorkspace(
            setup,
            { [FILE]: original },
            { 'tvmscript.interpreter': PYTHON },
        );
        server = await startCodeServer(setup, workspace);
        assert.ok(chromiumPath !== undefined);
        browser = await launchChromium(chromiumPath);
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        page.setDefaultTimeout(60_000);
        bench = new Workbench(page, ARTIFACTS);
        await bench.open(server.url);
        await bench.quickOpen(FILE);
    });

    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    /** Runs one step; on failure keeps a screenshot and code-server's log beside the others. */
    async function step(name: string, body: () => Promise<void>): Promise<void> {
        try {
            await body();
        } catch (error) {
            await bench.screenshot(`FAILED-${name}`).catch(() => undefined);
            console.error(server?.log().slice(-4000));
            throw error;
        }
        await bench.screenshot(name);
    }

    it('marks the undefined name with a squiggle and lists it in the Problems panel', () =>
        step('problems', async () => {
            const page = bench.page;
            const status = page.locator('.statusbar-item', { hasText: 'TVMScript' });
            await status.locator('.codicon-check').waitFor({ timeout: 60_000 });
            await bench
                .editor(FILE)
                .locator('.squiggly-error')
                .first()
                .waitFor({ timeout: 60_000 });
            await page.keyboard.press('Control+Shift+M');
            const marker = page.locator('.markers-panel .monaco-list-row', {
                hasText: "undefined name 'Q'",
            });
            await marker.waitFor();
            const row = await marker.innerText();
            assert.match(row, /undefined-name/);
            assert.match(row, /Ln 10, Col 31/);
            assert.equal(await page.locator('.markers-panel .monaco-list-row').count(), 2); // file + 1
        }));

    it('shows a buffer as printed IR on hover', () =>
        step('hover', async () => {
            await bench.goTo(16, 17); // `A` in `def log_f32(A: T.Buffer(...`
            await bench.hoverAtCursor();
            const hover = bench.page.locator('.monaco-hover:visible').first();
            await hover.waitFor({ timeout: 60_000 });
            const text = visibleText(await hover.innerText());
            assert.match(text, /A: T\.Buffer\(\(8, 32\), "float32"\)/);
            assert.match(text, /scope: global \(parameter\)/);
        }));

    it('completes T. with match_buffer', () =>
        step('completion', async () => {
            const page = bench.page;
            await page.keyboard.press('Escape');
            await page.mouse.move(0, 0); // no hover over the text any more
            await bench.goTo(17, 200); // end of `T.func_attr(...)`
            await page.keyboard.press('End');
            await page.keyboard.press('Enter');
            try {
                await page.keyboard.type('T.');
                const widget = page.locator('.suggest-widget.visible');
                // `.` triggers completion; Trigger Suggest asks again if that one went missing.
                await widget
                    .waitFor({ timeout: 5_000 })
                    .catch(() => page.keyboard.press('Control+Space'));
                await widget.waitFor({ timeout: 60_000 });
                await page.keyboard.type('match_b');
                const row = widget.locator('.monaco-list-row', { hasText: 'match_buffer' }).first();
                // The server reads the T namespace from the stubs once (jedi: slow on a cold cache).
                await row.waitFor({ timeout: 180_000 });
                assert.match(await row.innerText(), /match_buffer\(param/);
                await bench.screenshot('completion-list');
            } finally {
                await page.keyboard.press('Escape');
                await page.keyboard.press('Control+Shift+K'); // the typed line goes again
            }
            // Monaco re-renders the lines a moment after the edit: wait for the DOM to show it,
            // and delete once more if the first key press was taken by the closing widget.
            const typedLineGone = (lines: string[]): boolean =>
                !lines.some((l) => l.trim().startsWith('T.match'));
            await waitForLines(bench, FILE, typedLineGone, 5_000).catch(async () => {
                await page.keyboard.press('Escape');
                await page.keyboard.press('Control+Shift+K');
                await waitForLines(bench, FILE, typedLineGone);
            });
        }));

    it('formats the TVMScript definition with Format Document', () =>
        step('format', async () => {
            const loose = '                compute[v_i0, v_i1] = T.log( A[v_i0,v_i1] )';
            const tidy = '                compute[v_i0, v_i1] = T.log(A[v_i0, v_i1])';
            assert.ok((await bench.editorLines(FILE)).includes(loose));
            await bench.runCommand('Format Document');
            await waitForLines(bench, FILE, (lines) => lines.includes(tidy));
            await bench.page.keyboard.press('Control+S');
            const file = path.join(server?.workspace ?? '', FILE);
            await waitFor(
                () => readFileSync(file, 'utf8') !== original,
                'the formatted file to be saved',
            );
            const saved = readFileSync(file, 'utf8').split('\n');
            assert.ok(saved.includes(tidy) && !saved.includes(loose));
            // The imports and the kernel with the error are left as they were.
            assert.deepEqual(saved.slice(0, 12), original.split('\n').slice(0, 12));
        }));

    it('shows the printed IR of the definition at the cursor beside the editor', () =>
        step('show-ir', async () => {
            await bench.goTo(16, 10); // in `Module`
            await bench.runCommand('TVMScript: Show IR');
            const title = `${FILE} · Module (IR)`;
            await bench.page.locator('.tab', { hasText: title }).waitFor({ timeout: 60_000 });
            await waitForLines(bench, title, (lines) => lines.includes('class Module:'));
            const lines = await bench.editorLines(title);
            assert.equal(lines[0], '# from tvm.script import ir as I');
            assert.ok(lines.includes('@I.ir_module'));
            assert.ok(lines.includes('                compute[v_i0, v_i1] = T.log(A[v_i0, v_i1])'));
            assert.ok(
                !lines.some((l) => l.includes('exp_f32')),
                'only the definition at the cursor',
            );
        }));

    it('refreshes the IR view after an edit', () =>
        step('show-ir-refreshed', async () => {
            const page = bench.page;
            await bench.goTo(17, 200);
            await page.keyboard.press('End');
            await page.keyboard.press('Enter');
            await page.keyboard.type('T.evaluate(1)'); // TVM 0.27 drops T.evaluate(0)
            await waitForLines(bench, `${FILE} · Module (IR)`, (lines) =>
                lines.some((l) => l.trim() === 'T.evaluate(1)'),
            );
        }));

    it('shows the server’s answer for Show LLVM', () =>
        step('show-llvm', async () => {
            await bench.goTo(16, 10);
            await bench.runCommand('TVMScript: Show LLVM');
            const title = `${FILE} · Module (LLVM)`;
            await bench.page.locator('.tab', { hasText: title }).waitFor({ timeout: 60_000 });
            await waitForLines(bench, title, (lines) => lines.length > 0 && lines[0] !== '');
            const first = (await bench.editorLines(title))[0] ?? '';
            if (first.startsWith(';')) {
                // No LLVM text: the line says why, naming the server's command.
                assert.match(first, /^; tvmscript\.showLLVM: /);
            } else {
                assert.ok((await bench.editorLines(title)).some((l) => l.startsWith('define ')));
            }
        }));
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!check()) {
        if (Date.now() > end) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

async function waitForLines(
    bench: Workbench,
    title: string,
    check: (lines: string[]) => boolean,
    timeoutMs = 60_000,
): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const lines = await bench.editorLines(title);
        if (check(lines)) {
            return;
        }
        if (Date.now() > end) {
            throw new Error(
                `'${title}' never showed the expected text; it shows:\n${lines.join('\n')}`,
            );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}
