import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { openIrView, type IrServer } from '../../src/common/irCommands';
import {
    IrViews,
    definitionAt,
    irLocation,
    parseIrQuery,
    type IrAnswer,
    type IrTarget,
} from '../../src/common/irViews';
import { FakeApi, INFO, PLAIN_TEXT, TVMSCRIPT_TEXT, doc, settle } from './fakes';

const target: IrTarget = { kind: 'ir', source: 'file:///w/k.py', name: 'Module' };

describe('IR document addresses', () => {
    it('name the file, the definition and the kind in the path', () => {
        const location = irLocation(target, 'k.py');
        assert.equal(location.path, '/k.py · Module (IR).py');
        assert.deepEqual(parseIrQuery(location.query), target);
    });

    it('end in .ll for LLVM and say when every definition is shown', () => {
        const location = irLocation(
            { kind: 'llvm', source: 'file:///w/k.py', name: undefined },
            'k.py',
        );
        assert.equal(location.path, '/k.py · all definitions (LLVM).ll');
        assert.deepEqual(parseIrQuery(location.query), {
            kind: 'llvm',
            source: 'file:///w/k.py',
            name: undefined,
        });
    });

    it('are refused with an unknown kind', () => {
        assert.equal(parseIrQuery('kind=asm&source=x'), undefined);
    });
});

describe('IrViews', () => {
    const answers = (list: IrAnswer[]) => {
        const asked: IrTarget[] = [];
        return {
            asked,
            fetch: (t: IrTarget) => (
                asked.push(t),
                Promise.resolve(list.shift() ?? { error: 'no more' })
            ),
        };
    };

    it('shows the server’s text', async () => {
        const server = answers([{ text: '@T.prim_func\ndef f(): ...\n' }]);
        const views = new IrViews(server.fetch, () => undefined);
        const location = irLocation(target, 'k.py');
        assert.equal(await views.provide('ir:1', location.query), '@T.prim_func\ndef f(): ...\n');
        assert.deepEqual(server.asked, [target]);
        assert.equal(views.lastError('ir:1'), undefined);
    });

    it('shows the error as a comment, above the last text once there was one', async () => {
        const server = answers([
            { error: 'tvmscript.showIR: no' },
            { text: 'good\n' },
            { error: 'tvmscript.showIR: bad' },
        ]);
        const views = new IrViews(server.fetch, () => undefined);
        const query = irLocation(target, 'k.py').query;
        assert.equal(await views.provide('ir:1', query), '# tvmscript.showIR: no\n');
        assert.equal(views.lastError('ir:1'), 'tvmscript.showIR: no');
        assert.equal(await views.provide('ir:1', query), 'good\n');
        assert.equal(
            await views.provide('ir:1', query),
            '# out of date: tvmscript.showIR: bad\n\ngood\n',
        );
    });

    it('asks again once, after the edits of its source pause', async () => {
        const changed: string[] = [];
        const views = new IrViews(answers([{ text: 'a' }]).fetch, (u) => changed.push(u), 5);
        await views.provide('ir:1', irLocation(target, 'k.py').query);
        views.sourceChanged('file:///w/k.py');
        views.sourceChanged('file:///w/k.py');
        views.sourceChanged('file:///w/other.py');
        await new Promise((resolve) => setTimeout(resolve, 30));
        assert.deepEqual(changed, ['ir:1']);
        views.closed('ir:1');
        views.sourceChanged('file:///w/k.py');
        await new Promise((resolve) => setTimeout(resolve, 30));
        assert.deepEqual(changed, ['ir:1']);
        views.dispose();
    });
});

describe('definitionAt', () => {
    const symbols = [
        { name: 'f', range: { start: { line: 4 }, end: { line: 10 } } },
        { name: 'Module', range: { start: { line: 12 }, end: { line: 30 } } },
    ];

    it('names the top-level definition around the line', () => {
        assert.equal(definitionAt(symbols, 4), 'f');
        assert.equal(definitionAt(symbols, 20), 'Module');
    });

    it('names none between definitions', () => {
        assert.equal(definitionAt(symbols, 11), undefined);
    });
});

describe('openIrView', () => {
    function setup(answer: IrAnswer) {
        const api = new FakeApi();
        const shown: string[] = [];
        const asked: IrTarget[] = [];
        const views = new IrViews(
            (t) => (asked.push(t), Promise.resolve(answer)),
            () => undefined,
        );
        const server: IrServer = {
            showIr: () => Promise.resolve(answer),
            topLevelSymbols: () =>
                Promise.resolve([{ name: 'f', range: { start: { line: 2 }, end: { line: 4 } } }]),
        };
        const deps = {
            api,
            info: INFO,
            views,
            server: () => Promise.resolve(server),
            virtualUri: (scheme: string, l: { path: string; query: string }) =>
                `${scheme}:${l.path}?${l.query}`,
            showBeside: async (uri: string) => {
                shown.push(uri);
                await views.provide(uri, uri.split('?')[1] ?? '');
            },
            basename: () => 'k.py',
        };
        return { api, shown, asked, deps };
    }

    it('opens the view of the definition at the cursor', async () => {
        const { api, shown, asked, deps } = setup({ text: 'printed' });
        api.editor = {
            document: doc('/w/k.py', TVMSCRIPT_TEXT),
            selection: { active: { line: 3, character: 0 } },
        };
        const uri = await openIrView(deps, 'ir');
        assert.equal(uri, shown[0]);
        assert.match(uri ?? '', /^tvmscript-ir:\/k\.py · f \(IR\)\.py\?/);
        assert.equal(asked[0]?.name, 'f');
        assert.deepEqual(api.warnings, []);
    });

    it('shows every definition with the cursor outside them', async () => {
        const { api, asked, deps } = setup({ text: 'printed' });
        api.editor = {
            document: doc('/w/k.py', TVMSCRIPT_TEXT),
            selection: { active: { line: 0, character: 0 } },
        };
        await openIrView(deps, 'loweredTir');
        assert.deepEqual(asked[0], {
            kind: 'loweredTir',
            source: 'file:///w/k.py',
            name: undefined,
        });
    });

    it('says the server’s error once the view is open', async () => {
        const { api, deps } = setup({
            error: 'tvmscript.showLLVM: this tvmscript server does not provide it yet',
        });
        api.editor = {
            document: doc('/w/k.py', TVMSCRIPT_TEXT),
            selection: { active: { line: 3, character: 0 } },
        };
        await openIrView(deps, 'llvm');
        await settle();
        assert.deepEqual(api.warnings, [
            'tvmscript.showLLVM: this tvmscript server does not provide it yet',
        ]);
    });

    it('asks for a Python editor', async () => {
        const { api, shown, deps } = setup({ text: 'printed' });
        api.editor = {
            document: doc('/w/notes.txt', PLAIN_TEXT, 'plaintext'),
            selection: { active: { line: 0, character: 0 } },
        };
        assert.equal(await openIrView(deps, 'ir'), undefined);
        assert.deepEqual(shown, []);
        assert.match(api.warnings[0] ?? '', /Show IR needs a Python file with TVMScript/);
    });
});
