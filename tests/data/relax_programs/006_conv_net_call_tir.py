from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @T.prim_func(private=True, s_tir=True)
    def conv2d(
        X: T.Buffer((1, 3, 8, 8), "float32"),
        W: T.Buffer((4, 3, 3, 3), "float32"),
        Y: T.Buffer((1, 4, 6, 6), "float32"),
    ):
        for n, co, h, w, ci, kh, kw in T.grid(1, 4, 6, 6, 3, 3, 3):
            with T.sblock("conv"):
                vn, vco, vh, vw, vci, vkh, vkw = T.axis.remap(
                    "SSSSRRR", [n, co, h, w, ci, kh, kw]
                )
                with T.init():
                    Y[vn, vco, vh, vw] = T.float32(0)
                Y[vn, vco, vh, vw] = (
                    Y[vn, vco, vh, vw] + X[vn, vci, vh + vkh, vw + vkw] * W[vco, vci, vkh, vkw]
                )

    @T.prim_func(private=True, s_tir=True)
    def relu(A: T.Buffer((1, 4, 6, 6), "float32"), B: T.Buffer((1, 4, 6, 6), "float32")):
        for n, c, h, w in T.grid(1, 4, 6, 6):
            with T.sblock("relu"):
                vn, vc, vh, vw = T.axis.remap("SSSS", [n, c, h, w])
                B[vn, vc, vh, vw] = T.max(A[vn, vc, vh, vw], T.float32(0))

    @R.function
    def main(
        x: R.Tensor((1, 3, 8, 8), "float32"), w: R.Tensor((4, 3, 3, 3), "float32")
    ) -> R.Tensor((1, 4, 6, 6), "float32"):
        cls = Module
        with R.dataflow():
            y = R.call_tir(cls.conv2d, (x, w), out_ty=R.Tensor((1, 4, 6, 6), "float32"))
            z = R.call_tir(cls.relu, (y,), out_ty=R.Tensor((1, 4, 6, 6), "float32"))
            R.output(z)
        return z
