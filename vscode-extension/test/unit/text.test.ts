import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { filterDiagnostics, isShown } from '../../src/common/diagnosticsFilter';
import { shouldFormatOnSave } from '../../src/common/formatOnSave';
import { MessageRouter } from '../../src/common/messages';
import { readSettings } from '../../src/common/settings';
import { StatusBar, describeState } from '../../src/common/status';
import { isServedDocument, looksLikeTVMScript } from '../../src/common/tvmscriptText';
import { FakeStatusItem, PLAIN_TEXT, TVMSCRIPT_TEXT, doc } from './fakes';

describe('looksLikeTVMScript', () => {
    it('sees the imports the server recognises', () => {
        assert.ok(looksLikeTVMScript('from tvm.script import tir as T\n'));
        assert.ok(looksLikeTVMScript('from tvmscript import tir as T\n'));
        assert.ok(
            looksLikeTVMScript('# from tvm.script import ir as I\n@I.ir_module\nclass M: ...'),
        );
    });

    it('sees a decorator with no import', () => {
        assert.ok(looksLikeTVMScript('@T.prim_func\ndef f(): ...'));
    });

    it('leaves plain Python alone', () => {
        assert.equal(looksLikeTVMScript(PLAIN_TEXT), false);
        assert.equal(looksLikeTVMScript('import tvm_scripts_helper\n'), false);
    });
});

describe('isServedDocument', () => {
    it('takes Python files on disk and unsaved ones only', () => {
        assert.ok(isServedDocument(doc('/a.py', '')));
        assert.ok(isServedDocument(doc('Untitled-1', '', 'python', 'untitled')));
        assert.equal(isServedDocument(doc('/a.ir.py', '', 'python', 'tvmscript-ir')), false);
        assert.equal(isServedDocument(doc('/a.txt', '', 'plaintext')), false);
    });
});

describe('the diagnostics filter', () => {
    const settings = (values: Record<string, unknown>) =>
        readSettings({ get: (key) => values[key] }).diagnostics;

    it('shows everything by default', () => {
        assert.ok(isShown('undefined-name', settings({})));
        assert.ok(isShown(undefined, settings({})));
    });

    it('hides everything when disabled', () => {
        assert.equal(isShown('undefined-name', settings({ 'diagnostics.enabled': false })), false);
    });

    it('hides the build warnings and the ignored codes', () => {
        const chosen = settings({
            'diagnostics.buildWarnings': false,
            'diagnostics.ignore': ['dtype-mismatch'],
        });
        const kept = filterDiagnostics(
            [
                { code: 'build-unbound-var' },
                { code: { value: 'dtype-mismatch' } },
                { code: 'undefined-name' },
            ],
            chosen,
        );
        assert.deepEqual(kept, [{ code: 'undefined-name' }]);
    });
});

describe('shouldFormatOnSave', () => {
    const on = readSettings({ get: (key) => (key === 'formatOnSave' ? true : undefined) });

    it('formats a TVMScript file when enabled and the server runs', () => {
        assert.ok(shouldFormatOnSave(doc('/k.py', TVMSCRIPT_TEXT), on, true));
    });

    it('leaves plain Python, a stopped server and the default setting alone', () => {
        assert.equal(shouldFormatOnSave(doc('/p.py', PLAIN_TEXT), on, true), false);
        assert.equal(shouldFormatOnSave(doc('/k.py', TVMSCRIPT_TEXT), on, false), false);
        const off = readSettings({ get: () => undefined });
        assert.equal(shouldFormatOnSave(doc('/k.py', TVMSCRIPT_TEXT), off, true), false);
    });
});

describe('the status bar item', () => {
    it('shows the state with an icon and the command line in the tooltip', () => {
        const view = describeState('TVMScript', 'running', '/py -m tvmscript_server');
        assert.equal(view.text, '$(check) TVMScript');
        assert.match(view.tooltip, /^TVMScript server: running\n\/py -m tvmscript_server\n/);
    });

    it('opens the output when clicked and follows the state', () => {
        const item = new FakeStatusItem();
        const bar = new StatusBar(item, 'TVMScript', 'tvmscript.showOutput');
        assert.equal(item.command, 'tvmscript.showOutput');
        assert.equal(item.text, '$(circle-large-outline) TVMScript');
        bar.set('notInstalled', 'no tvmscript on PATH');
        assert.equal(item.text, '$(warning) TVMScript');
        assert.match(item.tooltip ?? '', /not installed\nno tvmscript on PATH/);
        bar.setVisible(true);
        assert.ok(item.visible);
    });
});

describe('MessageRouter', () => {
    it('keeps the messages of a command in flight and shows the others', async () => {
        const shown: string[] = [];
        const router = new MessageRouter((level, message) => shown.push(`${level}: ${message}`));
        const { result, messages } = await router.during('tvmscript.showIR', () => {
            router.handle('error', "tvmscript.showIR: 'f' has errors");
            router.handle('warning', 'something else');
            return Promise.resolve(null);
        });
        assert.equal(result, null);
        assert.deepEqual(messages, ["tvmscript.showIR: 'f' has errors"]);
        assert.deepEqual(shown, ['warning: something else']);
        router.handle('error', 'tvmscript.showIR: later');
        assert.deepEqual(shown, ['warning: something else', 'error: tvmscript.showIR: later']);
    });
});
