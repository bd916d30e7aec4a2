# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @T.prim_func(private=True)
    def row_sum(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8,), "float32")):
        T.func_attr({"tirx.noalias": True})
        for i in range(8):
            B[i] = T.float32(0.0)
            for j in range(8):
                B[i] = B[i] + A[i, j]

    @T.prim_func(private=True)
    def scale(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8, 8), "float32")):
        T.func_attr({"tirx.noalias": True})
        for i, j in T.grid(8, 8):
            B[i, j] = A[i, j] * T.float32(0.5)

    @T.prim_func(private=True)
    def transpose(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8, 8), "float32")):
        T.func_attr({"tirx.noalias": True})
        for i, j in T.grid(8, 8):
            B[i, j] = A[j, i]

    @R.function
    def main(x: R.Tensor((8, 8), dtype="float32")) -> R.Tensor((8,), dtype="float32"):
        cls = Module
        with R.dataflow():
            a = R.call_tir(cls.scale, (x,), out_ty=R.Tensor((8, 8), dtype="float32"))
            b = R.call_tir(cls.transpose, (a,), out_ty=R.Tensor((8, 8), dtype="float32"))
            c = R.call_tir(cls.row_sum, (b,), out_ty=R.Tensor((8,), dtype="float32"))
            R.output(c)
        return c