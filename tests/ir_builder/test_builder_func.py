from __future__ import annotations

import pytest

from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.function import PrimFunc
from tvmscript.script.ir_builder import IRBuilder
from tvmscript.script.ir_builder import ir as I
from tvmscript.script.ir_builder import tir as T
from tvmscript.script.ir_builder.base import BuilderError


def _func(s_tir: bool = False, private: bool = False) -> PrimFunc:
    with IRBuilder() as b, T.prim_func(is_private=private, s_tir=s_tir):
        T.func_name("main")
        T.func_attr({"tirx.noalias": True})
        a = T.arg("A", T.Buffer((4, 8), "float32"))
        T.buffer_store(a, 1.0, [0, 0])
    func = b.get()
    assert isinstance(func, PrimFunc)
    return func


def test_prim_func_attrs_follow_tvm_order() -> None:
    func = _func(s_tir=True)
    assert list(func.attrs) == ["tirx.noalias", "global_symbol", "s_tir"]
    assert func.attrs["global_symbol"] == "main"


def test_private_prim_func_has_no_global_symbol() -> None:
    func = _func(private=True)
    assert "global_symbol" not in func.attrs
    assert func.private


def test_arg_buffer_adds_handle_and_buffer_map() -> None:
    func = _func()
    [handle] = func.params
    assert (handle.name, handle.dtype) == ("A", "handle")
    buf = func.buffer_map[handle]
    assert buf.name == "A"
    assert buf.data.name == "A"
    assert [int(d) for d in buf.shape] == [4, 8]  # type: ignore[call-overload]
    assert (buf.data_alignment, buf.offset_factor, buf.elem_offset) == (64, 1, None)


def test_buffer_store_casts_python_scalar_to_element() -> None:
    store = _func().body
    assert isinstance(store, S.BufferStore)
    assert isinstance(store.value, E.FloatImm)
    assert store.value.dtype == "float32"


def test_match_buffer_binds_handle_param() -> None:
    with IRBuilder() as b, T.prim_func():
        h = T.arg("a", T.handle())
        n = T.arg("n", T.int32())
        buf = T.match_buffer(h, (n, 4), "float16")
        T.evaluate(0)
    func = b.get()
    assert func.buffer_map[h] is buf
    assert buf.shape[0] is n
    assert buf.dtype == "float16"


def test_match_buffer_rejects_non_param() -> None:
    with IRBuilder(), T.prim_func(), pytest.raises(ValueError, match="parameter"):
        T.match_buffer(T.handle(), (4,))


def test_string_dims_share_one_var_per_function() -> None:
    with IRBuilder(), T.prim_func():
        a = T.Buffer(("n", 4))
        c = T.Buffer(("n",))
    assert isinstance(a.shape[0], E.Var)
    assert a.shape[0] is c.shape[0]


def test_empty_body_is_evaluate_zero() -> None:
    with IRBuilder() as b, T.prim_func():
        pass
    body = b.get().body
    assert isinstance(body, S.Evaluate)
    assert isinstance(body.value, E.IntImm)


def test_statement_outside_function_is_an_error() -> None:
    with IRBuilder(), pytest.raises(BuilderError, match="prim_func"):
        T.evaluate(0)


def test_func_ret_takes_dtype_constructor() -> None:
    with IRBuilder() as b, T.prim_func():
        T.func_ret(T.int32)
        T.evaluate(0)
    ret = b.get().ret_type
    assert isinstance(ret, E.PrimType)
    assert ret.dtype == "int32"


def test_ir_module_collects_functions_in_order() -> None:
    with IRBuilder() as b, I.ir_module():
        gv = I.decl_function("g", None)
        for name in ("f", "g"):
            with T.prim_func():
                T.func_name(name)
                T.evaluate(0)
        I.module_attrs({"x": 1})
    mod = b.get()
    assert [v.name_hint for v in mod.functions] == ["g", "f"]
    assert mod.get_global_var("g") is gv
    assert mod.attrs == {"x": 1}


def test_ir_module_rejects_undefined_declaration() -> None:
    with pytest.raises(BuilderError, match="never defined"), IRBuilder(), I.ir_module():
        I.decl_function("g", None)
