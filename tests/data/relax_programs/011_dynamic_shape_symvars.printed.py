# from typing import TypeVar
# from tvm.script import ir as I
# from tvm.script import relax as R

m = TypeVar("m")
n = TypeVar("n")
@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((n, m), dtype="float32"), y: R.Tensor((m, 4), dtype="float32")) -> R.Tensor(("n * 4",), dtype="float32"):
        with R.dataflow():
            z: R.Tensor((n, 4), dtype="float32") = R.matmul(x, y, out_dtype=None)
            flat: R.Tensor((n * 4,), dtype="float32") = R.reshape(z, R.shape([n * 4]))
            R.output(flat)
        return flat