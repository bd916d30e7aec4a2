# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    I.module_attrs({"external_mods": [], "model_name": "tiny", "version": 2})
    @R.function
    def main(x: R.Tensor((2,), dtype="int32")) -> R.Tensor((2,), dtype="int32"):
        gv: R.Tensor((2,), dtype="int32") = R.negative(x)
        return gv