# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    I.module_attrs({"system_lib_prefix": "mod_"})
    @R.function(private=True)
    def fused_add_relu(x: R.Tensor((8,), dtype="float32"), y: R.Tensor((8,), dtype="float32")) -> R.Tensor((8,), dtype="float32"):
        R.func_attr({"Primitive": True})
        with R.dataflow():
            lv: R.Tensor((8,), dtype="float32") = R.add(x, y)
            gv: R.Tensor((8,), dtype="float32") = R.nn.relu(lv)
            R.output(gv)
        return gv

    @R.function
    def main(x: R.Tensor((8,), dtype="float32"), y: R.Tensor((8,), dtype="float32")) -> R.Tensor((8,), dtype="float32"):
        cls = Module
        with R.dataflow():
            gv: R.Tensor((8,), dtype="float32") = cls.fused_add_relu(x, y)
            R.output(gv)
        return gv