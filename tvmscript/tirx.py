"""``tvmscript.tirx``: TVM 0.27's name for the ``T`` namespace (``from tvm.script import tirx``).

It is the very same module object as `tvmscript.tir`, not a copy, so both spellings share
every name and registration.
"""

import sys

from tvmscript import tir

sys.modules[__name__] = tir
