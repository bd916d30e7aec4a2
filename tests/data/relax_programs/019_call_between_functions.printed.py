# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def dense(x: R.Tensor((2, 16), dtype="float32"), w: R.Tensor((16, 16), dtype="float32")) -> R.Tensor((2, 16), dtype="float32"):
        gv: R.Tensor((2, 16), dtype="float32") = R.matmul(x, w, out_dtype=None)
        y: R.Tensor((2, 16), dtype="float32") = R.nn.relu(gv)
        return y

    @R.function
    def main(x: R.Tensor((2, 16), dtype="float32"), w1: R.Tensor((16, 16), dtype="float32"), w2: R.Tensor((16, 16), dtype="float32")) -> R.Tensor((2, 16), dtype="float32"):
        cls = Module
        h: R.Tensor((2, 16), dtype="float32") = cls.dense(x, w1)
        out: R.Tensor((2, 16), dtype="float32") = cls.dense(h, w2)
        return out