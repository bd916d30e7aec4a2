from tvm.script import tirx as T


@T.prim_func
def nki_copy(A: T.Buffer((128, 512), "float32"), B: T.Buffer((128, 512), "float32")):
    T.func_attr({"target": T.target("trn")})
    T.device_entry()
    sb = T.alloc_buffer((128, 512), "float32", scope="trn.sbuf")
    sb2 = T.alloc_buffer((128, 512), "float32", scope="trn.sbuf")
    T.nki.load(sb, A)
    T.nki.memset(sb2, T.float32(0))
    T.nki.tensortensor(sb2, sb, sb, "add")
    T.nki.store(B, sb2)
