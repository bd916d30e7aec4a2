"""Type-checker plugins for TVMScript: ``tvmscript_stubs.mypy`` and ``tvmscript_stubs.pylint``.

They ship with the stubs of the ``tvmscript-stubs`` distribution (``tvmscript.tir``/``ir``/
``relax`` and TVM's spellings ``tvm.script.*``): mypy ``plugins = ["tvmscript_stubs.mypy"]``,
pylint ``--load-plugins=tvmscript_stubs.pylint``. `tvmscript_stubs.names` tells which names of
a file mean T, R and I, shared by both plugins.
"""

from __future__ import annotations

__version__ = "0.1.0"
