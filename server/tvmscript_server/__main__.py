"""``python -m tvmscript_server``: the language server on stdio."""

from __future__ import annotations

import sys

from tvmscript_server.main import main

sys.exit(main())
