import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

import { loadServerInfo } from '../../src/common/serverInfo';
import {
    expandPath,
    initializationOptions,
    readSettings,
    restartKeys,
} from '../../src/common/settings';

const reader = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });

describe('readSettings', () => {
    it('gives the defaults of package.json for an empty configuration', () => {
        assert.deepEqual(readSettings(reader({})), {
            interpreter: '',
            serverPath: '',
            target: 'llvm',
            diagnostics: { enabled: true, buildWarnings: true, ignore: [] },
            inlayHints: true,
            formatOnSave: false,
        });
    });

    it('falls back to the default for a value of the wrong type', () => {
        const settings = readSettings(
            reader({ target: 3, 'diagnostics.enabled': 'no', 'diagnostics.ignore': ['a', 1, 'b'] }),
        );
        assert.equal(settings.target, 'llvm');
        assert.equal(settings.diagnostics.enabled, true);
        assert.deepEqual(settings.diagnostics.ignore, ['a', 'b']);
    });

    it('expands ${workspaceFolder} in the interpreter path', () => {
        const settings = readSettings(
            reader({ interpreter: '${workspaceFolder}/.venv/bin/python' }),
            '/ws',
        );
        assert.equal(settings.interpreter, '/ws/.venv/bin/python');
    });

    it('reads a blank target as the default target', () => {
        assert.equal(readSettings(reader({ target: '  ' })).target, 'llvm');
    });
});

describe('expandPath', () => {
    it('expands a leading ~ and ${userHome}', () => {
        assert.equal(expandPath('~/venv/bin/python'), path.join(os.homedir(), 'venv/bin/python'));
        assert.equal(expandPath('${userHome}/x'), `${os.homedir()}/x`);
    });

    it('keeps a relative path and an empty one', () => {
        assert.equal(expandPath('venv/bin/python'), 'venv/bin/python');
        assert.equal(expandPath(''), '');
    });
});

describe('initializationOptions', () => {
    it('mirrors the settings the server reads', () => {
        const settings = readSettings(
            reader({ target: 'llvm -mcpu=native', 'inlayHints.enabled': false }),
        );
        assert.deepEqual(initializationOptions(settings), {
            target: 'llvm -mcpu=native',
            diagnostics: { enabled: true, buildWarnings: true, ignore: [] },
            inlayHints: { enabled: false },
        });
    });
});

describe('loadServerInfo', () => {
    it('reads the serverInfo of the manifest', () => {
        const manifest = {
            serverInfo: { id: 'a', name: 'A', module: 'm', package: 'p', executable: 'e' },
        };
        assert.equal(loadServerInfo(manifest).module, 'm');
    });

    it('names the first missing key', () => {
        assert.throws(() => loadServerInfo({ serverInfo: { id: 'a', name: 'A' } }), /"module"/);
        assert.throws(() => loadServerInfo({}), /no "serverInfo"/);
    });

    it('accepts the real package.json', async () => {
        const manifest: unknown = JSON.parse(
            await import('node:fs/promises').then((fs) =>
                fs.readFile(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
            ),
        );
        assert.equal(loadServerInfo(manifest).id, 'tvmscript');
    });
});

describe('restartKeys', () => {
    it('names every setting of the manifest but the live ones', async () => {
        const fs = await import('node:fs/promises');
        const manifest: unknown = JSON.parse(
            await fs.readFile(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
        );
        const keys = restartKeys(manifest, 'tvmscript');
        assert.ok(keys.includes('tvmscript.interpreter'));
        assert.ok(keys.includes('tvmscript.diagnostics.ignore'));
        assert.ok(!keys.includes('tvmscript.formatOnSave'));
        assert.ok(!keys.includes('tvmscript.inlayHints.enabled'));
        assert.equal(keys.length, 6);
    });
});
