# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @T.prim_func(private=True)
    def add_inplace(A: T.Buffer((2, 3), "float32"), B: T.Buffer((2, 3), "float32")):
        for i, j in T.grid(2, 3):
            A[i, j] = A[i, j] + B[i, j]

    @R.function
    def main(x: R.Tensor((2, 3), dtype="float32"), y: R.Tensor((2, 3), dtype="float32")) -> R.Tensor((2, 3), dtype="float32"):
        cls = Module
        z: R.Tensor((2, 3), dtype="float32") = R.call_tir_inplace(cls.add_inplace, (x, y), out_ty=R.Tensor((2, 3), dtype="float32"), inplace_indices=[0])
        return z