from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(img: R.Tensor((1, 3, 64, 64), "float32")):
        with R.dataflow():
            up = R.image.resize2d(img, size=(128, 128), method="nearest_neighbor")
            down = R.image.resize2d(img, (32, 32), layout="NCHW", method="linear")
            R.output(up, down)
        return (up, down)
