"""TIR printers; importing this package registers them."""

from tvmscript.script.printer.tir import block, buffer, device, expr, for_loop, function, stmt

__all__ = ["block", "buffer", "device", "expr", "for_loop", "function", "stmt"]
