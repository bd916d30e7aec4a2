"""Relax: graph-level expressions, struct info, functions and the operator registry."""
