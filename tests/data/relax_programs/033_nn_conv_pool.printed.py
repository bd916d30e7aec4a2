# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((1, 3, 32, 32), dtype="float32"), w1: R.Tensor((16, 3, 3, 3), dtype="float32"), w2: R.Tensor((32, 16, 3, 3), dtype="float32")) -> R.Tensor((1, 2048), dtype="float32"):
        with R.dataflow():
            c1: R.Tensor((1, 16, 32, 32), dtype="float32") = R.nn.conv2d(x, w1, strides=[1, 1], padding=[1, 1, 1, 1], dilation=[1, 1], groups=1, data_layout="NCHW", kernel_layout="OIHW", out_layout="NCHW", out_dtype=None)
            r1: R.Tensor((1, 16, 32, 32), dtype="float32") = R.nn.relu(c1)
            p1: R.Tensor((1, 16, 16, 16), dtype="float32") = R.nn.max_pool2d(r1, pool_size=[2, 2], strides=[2, 2], dilation=[1, 1], padding=[0, 0, 0, 0], ceil_mode=False, count_include_pad=False, layout="NCHW", out_layout="NCHW")
            c2: R.Tensor((1, 32, 16, 16), dtype="float32") = R.nn.conv2d(p1, w2, strides=[1, 1], padding=[1, 1, 1, 1], dilation=[1, 1], groups=1, data_layout="NCHW", kernel_layout="OIHW", out_layout="NCHW", out_dtype=None)
            r2: R.Tensor((1, 32, 16, 16), dtype="float32") = R.nn.relu(c2)
            p2: R.Tensor((1, 32, 8, 8), dtype="float32") = R.nn.avg_pool2d(r2, pool_size=[2, 2], strides=[2, 2], dilation=[1, 1], padding=[0, 0, 0, 0], ceil_mode=False, count_include_pad=False, layout="NCHW", out_layout="NCHW")
            flat: R.Tensor((1, 2048), dtype="float32") = R.reshape(p2, R.shape([1, 2048]))
            R.output(flat)
        return flat