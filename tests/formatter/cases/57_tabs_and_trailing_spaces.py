from tvm.script import tirx as T


@T.prim_func
def tabbed(A: T.Buffer((2,), "float32")):   
	for i in range(2):   
		A[i] = T.float32(1)   
