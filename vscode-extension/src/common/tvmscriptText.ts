// Whether a Python file may hold TVMScript: a cheap look at its text, so that plain Python
// workspaces never start the server. Once the server runs, it decides for each file.

// The imports the server recognises (also TVM's printed `# from tvm.script import ...`
// header), and the decorators, for a file that names T, R or I some other way.
const MARKERS = /\btvm\.script\b|\btvmscript\b|@(?:T\.prim_func|I\.ir_module|R\.function)\b/;

export function looksLikeTVMScript(text: string): boolean {
    return MARKERS.test(text);
}

/** The documents the server is given: Python files on disk and unsaved ones. */
export function isServedDocument(doc: { languageId: string; uri: { scheme: string } }): boolean {
    return (
        doc.languageId === 'python' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled')
    );
}
