# Header: a softmax written by hand, commented on every line.
from tvm.script import tirx as T  # the TIR namespace

ROWS = 4  # batch
COLS = 64  # features


# The kernel.
@T.prim_func(s_tir=True)  # with blocks
def softmax(  # the signature
    A: T.Buffer((ROWS, COLS), "float32"),  # logits
    B: T.Buffer((ROWS, COLS), "float32"),  # probabilities
):  # end of the signature
    """Row-wise softmax."""
    M = T.alloc_buffer((ROWS,))  # row maxima
    S = T.alloc_buffer((ROWS,))  # row sums
    # Step 1: the maxima.
    for i, j in T.grid(ROWS, COLS):  # rows, then columns
        with T.sblock("M"):  # a reduction
            vi, vj = T.axis.remap("SR", [i, j])  # spatial, reduce
            with T.init():  # the identity
                M[vi] = T.float32(-3.4e38)  # lowest float32
            M[vi] = T.max(M[vi], A[vi, vj])  # running maximum
    # Step 2: the sums.
    for i, j in T.grid(ROWS, COLS):
        with T.sblock("S"):
            vi, vj = T.axis.remap("SR", [i, j])
            with T.init():
                S[vi] = T.float32(0)  # zero
            S[vi] = S[vi] + T.exp(A[vi, vj] - M[vi])  # shifted exponent
    # Step 3: normalise.
    for i, j in T.grid(ROWS, COLS):
        with T.sblock("B"):
            vi, vj = T.axis.remap("SS", [i, j])
            B[vi, vj] = T.exp(A[vi, vj] - M[vi]) / S[vi]  # numerator over denominator
    # done
