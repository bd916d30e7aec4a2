from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def stencil(Input: T.Buffer((66, 66), "float32"), Output: T.Buffer((64, 64), "float32")):
    for i, j in T.grid(64, 64):
        with T.sblock("Output"):
            vi, vj = T.axis.remap("SS", [i, j])
            T.reads(Input[vi, vj + 1], Input[vi + 1, vj], Input[vi + 1, vj + 1], Input[vi + 1, vj + 2], Input[vi + 2, vj + 1])
            T.writes(Output[vi, vj])
            Output[vi, vj] = Input[vi, vj + 1] + Input[vi + 1, vj] + Input[vi + 1, vj + 1] + Input[vi + 1, vj + 2] + Input[vi + 2, vj + 1]
