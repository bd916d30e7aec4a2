# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def forward(x: R.Tensor((8, 128), dtype="float32"), fc1_w: R.Tensor((512, 128), dtype="float32"), fc1_b: R.Tensor((512,), dtype="float32"), fc2_w: R.Tensor((128, 512), dtype="float32"), fc2_b: R.Tensor((128,), dtype="float32")) -> R.Tensor((8, 128), dtype="float32"):
        R.func_attr({"num_input": 1})
        with R.dataflow():
            lv: R.Tensor((128, 512), dtype="float32") = R.permute_dims(fc1_w, axes=None)
            lv1: R.Tensor((8, 512), dtype="float32") = R.matmul(x, lv, out_dtype=None)
            h: R.Tensor((8, 512), dtype="float32") = R.add(lv1, fc1_b)
            h_1: R.Tensor((8, 512), dtype="float32") = R.nn.gelu(h)
            lv4: R.Tensor((512, 128), dtype="float32") = R.permute_dims(fc2_w, axes=None)
            lv5: R.Tensor((8, 128), dtype="float32") = R.matmul(h_1, lv4, out_dtype=None)
            y: R.Tensor((8, 128), dtype="float32") = R.add(lv5, fc2_b)
            y_1: R.Tensor((8, 128), dtype="float32") = R.add(y, x)
            R.output(y_1)
        return y_1