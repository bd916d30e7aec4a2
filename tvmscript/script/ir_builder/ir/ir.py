"""The ``I`` builder functions: module frame, function declaration, module attributes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tvmscript.core.ir.global_info import DummyGlobalInfo, VDevice
from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.node import Node
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.ir_builder.ir.frames import IRModuleFrame, module_frame


def ir_module() -> IRModuleFrame:
    """Start an IRModule."""
    return IRModuleFrame()


def decl_function(func_name: str, func_signature: Node | None = None) -> GlobalVar:
    """Declare function ``func_name`` before its body is built (so calls may point forward)."""
    if not isinstance(func_name, str):
        raise TypeError(f"expected a function name string, got {func_name!r}")
    return module_frame("I.decl_function").declare(func_name, func_signature)


def def_function(func_name: str, func: Node) -> None:
    """Define the declared function ``func_name`` as ``func``."""
    frame = module_frame("I.def_function")
    if func_name not in frame.global_vars:
        raise ValueError(f"function '{func_name}' is defined without being declared")
    frame.add_function(func_name, func)


def lookup_name(name: str) -> bool:
    """Whether the module being built declares ``name``."""
    frame = IRBuilder.current().find_frame(IRModuleFrame)
    return frame is not None and name in frame.global_vars


def module_attrs(attrs: Mapping[str, Any], allow_overwrite: bool = False) -> None:
    """Set the module's attributes (once, unless ``allow_overwrite``)."""
    if not isinstance(attrs, Mapping):
        raise TypeError(f"expected a dict of module attributes, got {type(attrs).__name__!r}")
    frame = module_frame("I.module_attrs")
    if frame.attrs and not allow_overwrite:
        raise ValueError("I.module_attrs is given twice")
    frame.attrs = dict(attrs)


def module_get_attr(attr_key: str) -> Any:
    """Attribute ``attr_key`` of the module being built (None when unset)."""
    return module_frame("I.module_get_attr").attrs.get(attr_key)


def module_set_attr(attr_key: str, attr_value: Any, allow_overwrite: bool = False) -> None:
    """Set one attribute of the module being built."""
    frame = module_frame("I.module_set_attr")
    if attr_key in frame.attrs and not allow_overwrite:
        raise ValueError(f"module attribute '{attr_key}' is already set")
    frame.attrs[attr_key] = attr_value


def module_global_infos(global_infos: Mapping[str, Any]) -> None:
    """Set the module's global infos (``{"vdevice": [...]}``)."""
    if not isinstance(global_infos, Mapping):
        raise TypeError(f"expected a dict of global infos, got {type(global_infos).__name__!r}")
    module_frame("I.module_global_infos").global_infos = dict(global_infos)


class meta_var:
    """A parser-time value (metaprogramming), substituted where it is used."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __iter__(self) -> Any:
        return (meta_var(item) for item in self.value)


def vdevice(
    target: Mapping[str, Any] | str | Any = None, vdevice_id: int = 0, memory_scope: str = "global"
) -> VDevice:
    """A virtual device (``I.vdevice("llvm")``, ``I.vdevice({"kind": "cuda"}, 0, "global")``)."""
    from tvmscript.core.ir.target import Target

    if isinstance(target, Target):
        config = target
    else:
        config = Target.from_config(target) if target is not None else Target({})
    return VDevice(config, int(vdevice_id), str(memory_scope))


def lookup_vdevice(target_kind: str | None = None, device_index: int = -1) -> VDevice | None:
    """The ``device_index``-th vdevice of kind ``target_kind`` of the module, or None.

    ``device_index`` -1 means the first one of that kind.
    """
    declared = module_frame("I.lookup_vdevice").global_infos.get("vdevice", [])
    matching = [
        d
        for d in declared
        if isinstance(d, VDevice) and (target_kind is None or d.target.kind == target_kind)
    ]
    index = 0 if device_index < 0 else device_index
    return matching[index] if index < len(matching) else None


def dummy_global_info() -> DummyGlobalInfo:
    """A placeholder global info."""
    return DummyGlobalInfo()
