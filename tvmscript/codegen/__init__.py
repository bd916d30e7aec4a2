"""Code generation: TIR to native code (``tvmscript.codegen.llvm``)."""
