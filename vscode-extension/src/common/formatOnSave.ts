// `tvmscript.formatOnSave`: the server formats only the TVMScript definitions of a file, so this
// can run beside another Python formatter (which owns `editor.formatOnSave`).

import type { Doc } from './api';
import type { Settings } from './settings';
import { isServedDocument, looksLikeTVMScript } from './tvmscriptText';

export function shouldFormatOnSave(doc: Doc, settings: Settings, serverRunning: boolean): boolean {
    return (
        settings.formatOnSave &&
        serverRunning &&
        isServedDocument(doc) &&
        looksLikeTVMScript(doc.getText())
    );
}
