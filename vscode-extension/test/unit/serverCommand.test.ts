import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';

import { isExecutable, machineProbes } from '../../src/common/probes';
import { describeCommand, missingMessage, resolveServer } from '../../src/common/serverCommand';
import { readSettings } from '../../src/common/settings';
import { INFO, fakeProbes } from './fakes';

const settings = (values: Record<string, unknown> = {}) =>
    readSettings({ get: (key) => values[key] });

describe('resolveServer', () => {
    it('prefers the interpreter setting', async () => {
        const probes = fakeProbes(['/set/python', '/ext/python'], ['/bin/tvmscript'], {
            tvmscript: '/bin/tvmscript',
        });
        const found = await resolveServer(
            settings({ interpreter: '/set/python' }),
            '/ext/python',
            INFO,
            probes,
        );
        assert.deepEqual(found, {
            found: {
                command: '/set/python',
                args: ['-m', 'tvmscript_server'],
                source: 'interpreter setting',
            },
        });
    });

    it('runs the serverPath setting as `tvmscript lsp`', async () => {
        const probes = fakeProbes([], ['/opt/tvmscript']);
        const found = await resolveServer(
            settings({ serverPath: '/opt/tvmscript' }),
            undefined,
            INFO,
            probes,
        );
        assert.deepEqual(found, {
            found: { command: '/opt/tvmscript', args: ['lsp'], source: 'serverPath setting' },
        });
    });

    it('takes the Python extension’s interpreter when no setting is given', async () => {
        const found = await resolveServer(
            settings(),
            '/ext/python',
            INFO,
            fakeProbes(['/ext/python']),
        );
        assert.ok('found' in found);
        assert.equal(found.found.source, 'Python extension');
        assert.equal(describeCommand(found.found), '/ext/python -m tvmscript_server');
    });

    it('falls back to tvmscript on PATH when the interpreter lacks the server', async () => {
        const probes = fakeProbes([], [], { tvmscript: '/usr/local/bin/tvmscript' });
        const found = await resolveServer(settings(), '/ext/python', INFO, probes);
        assert.deepEqual(found, {
            found: { command: '/usr/local/bin/tvmscript', args: ['lsp'], source: 'PATH' },
        });
        assert.deepEqual(probes.asked, ['hasModule /ext/python', 'which tvmscript']);
    });

    it('says what it tried and offers the selected interpreter when nothing has tvmscript', async () => {
        const found = await resolveServer(
            settings({ serverPath: '/nope' }),
            '/ext/python',
            INFO,
            fakeProbes([]),
        );
        assert.ok('missing' in found);
        assert.deepEqual(found.missing.tried, [
            '/nope (serverPath setting) is not an executable file',
            '/ext/python (Python extension) cannot import tvmscript_server',
            'no tvmscript executable on PATH',
        ]);
        assert.equal(found.missing.installInto, '/ext/python');
        assert.match(
            missingMessage(INFO, found.missing),
            /^TVMScript: tvmscript is not installed \(.*\)\. Install it into \/ext\/python\?$/,
        );
    });

    it('installs into the interpreter setting rather than the Python extension’s', async () => {
        const found = await resolveServer(
            settings({ interpreter: '/set/python' }),
            '/ext/python',
            INFO,
            fakeProbes([]),
        );
        assert.ok('missing' in found);
        assert.equal(found.missing.installInto, '/set/python');
    });

    it('asks for an interpreter when there is none to install into', async () => {
        const found = await resolveServer(settings(), undefined, INFO, fakeProbes([]));
        assert.ok('missing' in found);
        assert.equal(found.missing.installInto, undefined);
        assert.match(
            missingMessage(INFO, found.missing),
            /Select a Python interpreter that has it, or set tvmscript\.interpreter\.$/,
        );
    });
});

describe('describeCommand', () => {
    it('quotes the parts a shell would split', () => {
        const line = describeCommand({
            command: '/my env/python',
            args: ['-m', 'tvmscript_server'],
            source: 'PATH',
        });
        assert.equal(line, '"/my env/python" -m tvmscript_server');
    });
});

describe('machineProbes', () => {
    it('finds a module the interpreter has, and not one it lacks', async () => {
        assert.equal(await machineProbes.hasModule('python3', 'json'), true);
        assert.equal(await machineProbes.hasModule('python3', 'no_such_module_xyz'), false);
    });

    it('answers false for an interpreter that does not exist', async () => {
        assert.equal(await machineProbes.hasModule('/no/such/python', 'json'), false);
    });

    it('finds sh on PATH, and not a made-up name', async () => {
        const sh = await machineProbes.which('sh');
        assert.ok(sh !== undefined && path.isAbsolute(sh));
        assert.equal(await machineProbes.which('no-such-tool-xyz'), undefined);
    });

    it('does not take a directory for an executable', async () => {
        assert.equal(await isExecutable('/'), false);
    });
});
