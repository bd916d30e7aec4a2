# A file header comment.
from tvm.script import ir as I
from tvm.script import tirx as T

# Above the module.
@I.ir_module
class Mod:  # the module line
    # Above the first function.
    @T.prim_func
    def g(a: T.Buffer((4,), "float32")):  # g's signature
        #in g
        a[0] = T.float32(1)  # one
    # above f
    @T.prim_func
    def f(a: T.Buffer((4,),  # the shape
                      "float32")):
        for i in range(4):
            if i < 2:
                a[i] = T.float32(
                    2,  # two
                )
            # end of the loop body
        # end of f
# After the module.
