from tvm.script import ir as I
from tvm.script import tirx as T


@I.ir_module
class Kernels:
    """Two small kernels."""

    @T.prim_func
    def inc(A: T.Buffer((4,), "int32")):
        """Add one."""
        for i in range(4):
            A[i] = A[i] + 1

    @T.prim_func
    def dec(A: T.Buffer((4,), "int32")):
        """Subtract one."""
        for i in range(4):
            A[i] = A[i] - 1
