"""Record what TVM 0.27's LegalizeOps makes of each case in ``legalize_cases.py``.

Run with the throw-away TVM venv (TVM is only an oracle here; nothing of it is copied):

    /work/tvm-venv/bin/python tests/transform/data/record.py            # re-record all
    /work/tvm-venv/bin/python tests/transform/data/record.py --only add --show

With ``--corpus``, it checks instead that TVM legalizes each reconstructed corpus source in
``corpus_sources/`` (the un-legalized form of a ``*_legalized`` corpus program the corpus has
no counterpart for) to exactly the corpus program's text, and writes the verdicts to
``corpus_sources.json``.

For each case the module text (``Case.source``) is parsed by ``tvm.script.from_source``,
``relax.transform.LegalizeOps()`` is applied, and TVM's print of the result is stored in
``tvm_legalized.json`` (``{"name": {"op", "source", "legalized"}}``; ``error`` instead of
``legalized`` when TVM refuses). Output is deterministic (sorted keys, 1-space indent).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "tvm_legalized.json"


def _cases() -> list[Any]:
    spec = importlib.util.spec_from_file_location(
        "legalize_cases", HERE.parent / "legalize_cases.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["legalize_cases"] = module
    spec.loader.exec_module(module)
    return list(module.CASES)


def record(case: Any) -> dict[str, Any]:
    import tvm
    import tvm.script
    from tvm import relax

    entry: dict[str, Any] = {"op": case.op, "source": case.source()}
    try:
        mod = tvm.script.from_source(case.source())
        entry["legalized"] = relax.transform.LegalizeOps()(mod).script()
    except Exception as err:  # TVM's refusal is data here
        lines = [ln for ln in str(err).strip().splitlines() if ln.strip()]
        entry["error"] = next((ln for ln in lines if "rror" in ln), lines[0] if lines else "")
    return entry


CORPUS = Path("/work/shared/corpus/public/programs")


def verify_corpus_sources() -> int:
    import tvm
    import tvm.script
    from tvm import relax

    verdicts: dict[str, bool] = {}
    for path in sorted((HERE / "corpus_sources").glob("*.txt")):
        target = CORPUS / f"{path.stem}_legalized.py"
        mod = tvm.script.from_source(path.read_text())
        printed = relax.transform.LegalizeOps()(mod).script()
        verdicts[path.stem] = printed.rstrip("\n") == target.read_text().rstrip("\n")
        print(f"{path.stem}: {'same as the corpus' if verdicts[path.stem] else 'DIFFERENT'}")
    (HERE / "corpus_sources.json").write_text(json.dumps(verdicts, sort_keys=True, indent=1) + "\n")
    return 0 if all(verdicts.values()) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", help="case names to record (and show)")
    parser.add_argument("--show", action="store_true", help="print the recorded texts")
    parser.add_argument("--corpus", action="store_true", help="verify corpus_sources/ instead")
    args = parser.parse_args()
    if args.corpus:
        return verify_corpus_sources()
    cases = _cases()
    if args.only:
        cases = [c for c in cases if c.name in args.only]
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    for case in cases:
        data[case.name] = record(case)
        if args.show:
            print(f"== {case.name}")
            print(data[case.name].get("legalized", data[case.name].get("error")))
    OUT.write_text(json.dumps(data, sort_keys=True, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
