# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@R.function
def normalize(x: R.Tensor(dtype="float32")) -> R.Tensor(dtype="float32", ndim=2):
    n = T.int64()
    m = T.int64()
    x2: R.Tensor((n, m), dtype="float32") = R.match_cast(x, R.Tensor((n, m), dtype="float32"))
    mu: R.Tensor((n, 1), dtype="float32") = R.mean(x2, axis=[1], keepdims=True)
    centered: R.Tensor((n, m), dtype="float32") = R.subtract(x2, mu)
    gv3: R.Tensor((n, m), dtype="float32") = R.multiply(centered, centered)
    var: R.Tensor((n, 1), dtype="float32") = R.mean(gv3, axis=[1], keepdims=True)
    gv5: R.Tensor((n, 1), dtype="float32") = R.add(var, R.const(9.9999997473787516e-06, "float32"))
    gv6: R.Tensor((n, 1), dtype="float32") = R.sqrt(gv5)
    y: R.Tensor((n, m), dtype="float32") = R.divide(centered, gv6)
    return y