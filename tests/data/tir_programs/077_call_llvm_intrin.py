from tvm.script import tirx as T


@T.prim_func
def llvm_intrins(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
    for i in range(16):
        B[i] = T.call_llvm_pure_intrin("float32", "llvm.fabs", T.uint32(1), A[i]) + T.call_llvm_intrin("float32", "llvm.sqrt.f32", T.uint32(1), A[i])
