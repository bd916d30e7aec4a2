from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main():
        with R.dataflow():
            z = R.zeros((2, 3), "float32")
            o = R.ones((2, 3), dtype="float32")
            f = R.full((2, 3), R.const(7.0, "float32"), dtype="float32")
            r = R.arange(0, 6, 1, dtype="int64")
            s = R.add(R.add(z, o), f)
            R.output(s, r)
        return (s, r)
