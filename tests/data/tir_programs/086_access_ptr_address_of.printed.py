# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def pointers(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32")):
    T.call_extern("int32", "memcpy", T.tvm_access_ptr(T.type_annotation("float32"), B.data, 0, 64, 2), T.tvm_access_ptr(T.type_annotation("float32"), A.data, 0, 64, 1), 256)
    T.call_extern("int32", "touch", T.address_of(A[8]))