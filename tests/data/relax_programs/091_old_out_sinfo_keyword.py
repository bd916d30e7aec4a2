from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @T.prim_func(private=True)
    def relu(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
        for i in range(16):
            B[i] = T.max(A[i], T.float32(0))

    @R.function
    def main(x: R.Tensor((16,), "float32")):
        cls = Module
        with R.dataflow():
            y = R.call_tir(cls.relu, (x,), out_sinfo=R.Tensor((16,), "float32"))
            R.output(y)
        return y
