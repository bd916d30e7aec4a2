# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 2), dtype="float32")) -> R.Tuple(R.Tensor((2, 2), dtype="float32"), T.int64, T.float32, I.StringType(), R.Any):
        k: T.int64 = 3
        eps: T.float32 = T.float32(9.9999999999999995e-07)
        name: I.StringType() = R.str("layer0")
        dt: R.Any = R.dtype("float16")
        y: R.Tensor((2, 2), dtype="float32") = R.call_pure_packed("my_ext.tag", x, k, name, dt, ty_args=(R.Tensor((2, 2), dtype="float32"),))
        return (y, k, eps, name, dt)