"""Relax: graph-level programs, and the ``R`` namespace of TVMScript.

Only ``@R.function`` is recognised so far, so that files mixing TIR and Relax are checked
(their Relax functions are reported as not supported yet).
"""

from tvmscript.script.parser.relax.entry import function

__all__ = ["function"]
