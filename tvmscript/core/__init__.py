"""The IR: ``core.ir`` (shared nodes), ``core.tir`` (kernels), ``core.relax`` (graphs).

Nothing here imports the parser, the builder, the printer, the analysis or the server; the
user namespaces ``tvmscript.tir`` / ``.relax`` / ``.ir`` are the TVMScript side of it.
"""
