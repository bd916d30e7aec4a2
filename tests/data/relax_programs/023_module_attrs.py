from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    I.module_attrs({"model_name": "tiny", "version": 2, "external_mods": []})

    @R.function
    def main(x: R.Tensor((2,), "int32")) -> R.Tensor((2,), "int32"):
        return R.negative(x)
