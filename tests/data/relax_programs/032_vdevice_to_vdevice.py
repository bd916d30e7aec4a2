from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    I.module_global_infos(
        {
            "vdevice": [
                I.vdevice("llvm"),
                I.vdevice({"kind": "cuda", "arch": "sm_80"}, 0, "global"),
            ]
        }
    )

    @R.function
    def main(
        a: R.Tensor((2, 3), "float32", "llvm"),
        b: R.Tensor((2, 3), "float32", "cuda"),
    ) -> R.Tensor((2, 3), "float32", "cuda"):
        a_gpu = R.to_vdevice(a, "cuda")
        c = R.add(a_gpu, b)
        return c
