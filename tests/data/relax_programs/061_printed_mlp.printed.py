# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4, 32), dtype="float32"), w0: R.Tensor((64, 32), dtype="float32"), b0: R.Tensor((64,), dtype="float32"), w1: R.Tensor((10, 64), dtype="float32"), b1: R.Tensor((10,), dtype="float32")) -> R.Tensor((4, 10), dtype="float32"):
        R.func_attr({"num_input": 1})
        with R.dataflow():
            lv: R.Tensor((32, 64), dtype="float32") = R.permute_dims(w0, axes=None)
            lv1: R.Tensor((4, 64), dtype="float32") = R.matmul(x, lv, out_dtype=None)
            lv2: R.Tensor((4, 64), dtype="float32") = R.add(lv1, b0)
            lv3: R.Tensor((4, 64), dtype="float32") = R.nn.relu(lv2)
            lv4: R.Tensor((64, 10), dtype="float32") = R.permute_dims(w1, axes=None)
            lv5: R.Tensor((4, 10), dtype="float32") = R.matmul(lv3, lv4, out_dtype=None)
            gv: R.Tensor((4, 10), dtype="float32") = R.add(lv5, b1)
            R.output(gv)
        return gv