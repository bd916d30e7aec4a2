# Intended mistake: a try/except statement in the body.
from tvm.script import tirx as T


@T.prim_func
def guarded(A: T.Buffer((8,), "int32")):
    try:
        A[0] = 1
    except Exception:
        A[0] = 2
