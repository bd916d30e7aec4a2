"""TIR: expressions, statements, buffers, PrimFuncs, the intrinsic table and arithmetic."""
