// The interpreter selected in the Python extension (ms-python.python), through its API package.
// Without that extension (or before it has chosen one) there is none.

import { PythonExtension } from '@vscode/python-extension';

import type { Disposable, DocUri } from './api';
import { asUri, hasExtension } from './vscodeapi';

const PYTHON_EXTENSION_ID = 'ms-python.python';

async function pythonApi(): Promise<PythonExtension | undefined> {
    if (!hasExtension(PYTHON_EXTENSION_ID)) {
        return undefined;
    }
    try {
        return await PythonExtension.api();
    } catch {
        return undefined;
    }
}

/** The selected interpreter's executable for `resource`, or undefined. */
export async function selectedInterpreter(
    resource: DocUri | undefined,
): Promise<string | undefined> {
    const api = await pythonApi();
    if (api === undefined) {
        return undefined;
    }
    const chosen = api.environments.getActiveEnvironmentPath(asUri(resource));
    const environment = await api.environments.resolveEnvironment(chosen);
    return environment?.executable.uri?.fsPath;
}

/** Calls `listener` when the user selects another interpreter. */
export async function onInterpreterChanged(listener: () => void): Promise<Disposable | undefined> {
    const api = await pythonApi();
    return api?.environments.onDidChangeActiveEnvironmentPath(() => {
        listener();
    });
}
