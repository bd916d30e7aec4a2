# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def collatz_steps(n: T.int32, out: T.Buffer((1,), "int32")):
    x: T.int32 = n
    steps: T.int32 = 0
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        steps = steps + 1
    out = steps