from tvm.script import ir as I, relax as R, tirx as T

HIDDEN = 512


@I.ir_module
class Module:
    @R.function
    def forward(
        x: R.Tensor((8, 128), "float32"),
        fc1_w: R.Tensor((HIDDEN, 128), "float32"),
        fc1_b: R.Tensor((HIDDEN,), "float32"),
        fc2_w: R.Tensor((128, HIDDEN), "float32"),
        fc2_b: R.Tensor((128,), "float32"),
    ):
        R.func_attr({"num_input": 1})
        with R.dataflow():
            h = R.linear(x, fc1_w, fc1_b)
            h = R.nn.gelu(h)
            y = R.linear(h, fc2_w, fc2_b)
            y = y + x
            R.output(y)
        return y
