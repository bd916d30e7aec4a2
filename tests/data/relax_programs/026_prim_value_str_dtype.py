from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 2), "float32")):
        k = R.prim_value(3)
        eps = R.prim_value(T.float32(1e-6))
        name = R.str("layer0")
        dt = R.dtype("float16")
        y = R.call_pure_packed(
            "my_ext.tag", x, k, name, dt, ty_args=R.Tensor((2, 2), "float32")
        )
        return (y, k, eps, name, dt)
