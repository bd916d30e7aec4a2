# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((1, 784), dtype="float32"), w1: R.Tensor((256, 784), dtype="float32"), b1: R.Tensor((256,), dtype="float32"), w2: R.Tensor((10, 256), dtype="float32"), b2: R.Tensor((10,), dtype="float32")) -> R.Tensor((1, 10), dtype="float32"):
        with R.dataflow():
            lv: R.Tensor((784, 256), dtype="float32") = R.permute_dims(w1, axes=None)
            h: R.Tensor((1, 256), dtype="float32") = R.matmul(x, lv, out_dtype=None)
            h_1: R.Tensor((1, 256), dtype="float32") = R.add(h, b1)
            h_2: R.Tensor((1, 256), dtype="float32") = R.nn.relu(h_1)
            lv4: R.Tensor((256, 10), dtype="float32") = R.permute_dims(w2, axes=None)
            out: R.Tensor((1, 10), dtype="float32") = R.matmul(h_2, lv4, out_dtype=None)
            out_1: R.Tensor((1, 10), dtype="float32") = R.add(out, b2)
            R.output(out_1)
        return out_1