"""Relax operators: constructors with TVM's signatures, and their struct-info inference."""
