# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(img: R.Tensor((1, 3, 64, 64), dtype="float32")) -> R.Tuple(R.Tensor((1, 3, 128, 128), dtype="float32"), R.Tensor((1, 3, 32, 32), dtype="float32")):
        with R.dataflow():
            up: R.Tensor((1, 3, 128, 128), dtype="float32") = R.image.resize2d(img, R.shape([128, 128]), roi=[T.float32(0.0), T.float32(0.0), T.float32(0.0), T.float32(0.0)], layout="NCHW", method="nearest_neighbor", coordinate_transformation_mode="half_pixel", rounding_method="round", cubic_alpha=-0.75, cubic_exclude=0, extrapolation_value=0.0, out_dtype=None)
            down: R.Tensor((1, 3, 32, 32), dtype="float32") = R.image.resize2d(img, R.shape([32, 32]), roi=[T.float32(0.0), T.float32(0.0), T.float32(0.0), T.float32(0.0)], layout="NCHW", method="linear", coordinate_transformation_mode="half_pixel", rounding_method="round", cubic_alpha=-0.75, cubic_exclude=0, extrapolation_value=0.0, out_dtype=None)
            R.output(up, down)
        return (up, down)