"""End-to-end and unit tests of the language server."""
