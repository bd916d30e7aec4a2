from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((1, 3, 32, 32), "float32"),
        w1: R.Tensor((16, 3, 3, 3), "float32"),
        w2: R.Tensor((32, 16, 3, 3), "float32"),
    ):
        with R.dataflow():
            c1 = R.nn.conv2d(x, w1, strides=1, padding=1)
            r1 = R.nn.relu(c1)
            p1 = R.nn.max_pool2d(r1, pool_size=(2, 2), strides=(2, 2))
            c2 = R.nn.conv2d(p1, w2, padding=(1, 1))
            r2 = R.nn.relu(c2)
            p2 = R.nn.avg_pool2d(r2, pool_size=2, strides=2)
            flat = R.reshape(p2, (1, 32 * 8 * 8))
            R.output(flat)
        return flat
