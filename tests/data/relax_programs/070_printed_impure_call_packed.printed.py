# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function(pure=False)
    def main(x: R.Tensor((4,), dtype="float32")) -> R.Tensor((4,), dtype="float32"):
        R.call_packed("relax.run.print", R.str("x = {}"), x, ty_args=(R.Tuple,))
        y: R.Tensor((4,), dtype="float32") = R.call_packed("my_ext.identity", x, ty_args=(R.Tensor((4,), dtype="float32"),))
        z: R.Tensor((4,), dtype="float32") = R.add(y, y)
        return z