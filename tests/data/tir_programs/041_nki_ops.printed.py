# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def nki_copy(A: T.Buffer((128, 512), "float32"), B: T.Buffer((128, 512), "float32")):
    T.func_attr({"target": T.target({"keys": [], "kind": "trn", "tag": ""})})
    T.attr({"tirx.device_entry": T.bool(True)})
    sb = T.alloc_buffer((128, 512), scope="trn.sbuf", layout=None)
    sb2 = T.alloc_buffer((128, 512), scope="trn.sbuf", layout=None)
    T.nki.load(sb, A)
    T.nki.memset(sb2, T.float32(0.0))
    T.nki.tensortensor(sb2, sb, sb, "add")
    T.nki.store(B, sb2)