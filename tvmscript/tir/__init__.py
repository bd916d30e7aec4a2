"""TIR: the IR of tensor kernels, and the ``T`` namespace of TVMScript
(``from tvmscript import tir as T``)."""
