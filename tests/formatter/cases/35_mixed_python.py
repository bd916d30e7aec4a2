import numpy as np
from tvm.script import tirx as T

ROWS = 8


def reference(a: np.ndarray) -> np.ndarray:
    """The same in numpy."""
    return a * 2


@T.prim_func
def double(A: T.Buffer((ROWS,), "float32"), B: T.Buffer((ROWS,), "float32")):
    for i in range(ROWS):
        B[i] = A[i]*T.float32(2)


if __name__ == "__main__":
    print(reference(np.ones(ROWS)))
