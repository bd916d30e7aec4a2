"""Kernels for the tutorial: a module docstring above the imports."""

from tvm.script import tirx as T

LENGTH = 16


@T.prim_func
def square(A: T.Buffer((LENGTH,), "float32"), B: T.Buffer((LENGTH,), "float32")):
    for i in range(LENGTH): B[i] = A[i] * A[i]
