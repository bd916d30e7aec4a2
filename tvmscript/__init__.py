"""tvmscript: a standalone implementation of TVMScript and its editor tooling."""
