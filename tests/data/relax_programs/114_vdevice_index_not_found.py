from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    I.module_global_infos({"vdevice": [I.vdevice("llvm")]})

    @R.function
    def main(a: R.Tensor((2, 3), "float32", "llvm:1")):
        return a
