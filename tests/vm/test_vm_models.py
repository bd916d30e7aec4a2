"""Whole models on the VM, each against the same computation in numpy."""

from __future__ import annotations

import numpy as np
import pytest

from .conftest import Array, compile_relax, rand

pytestmark = pytest.mark.codegen

MLP = """
@I.ir_module
class MLP:
    @R.function
    def main(
        x: R.Tensor((8, 32), "float32"),
        w1: R.Tensor((64, 32), "float32"),
        b1: R.Tensor((64,), "float32"),
        w2: R.Tensor((16, 64), "float32"),
        b2: R.Tensor((16,), "float32"),
    ) -> R.Tensor((8, 16), "float32"):
        with R.dataflow():
            h = R.matmul(x, R.permute_dims(w1))
            h = R.nn.relu(R.add(h, b1))
            y = R.add(R.matmul(h, R.permute_dims(w2)), b2)
            R.output(y)
        return y
"""


def test_mlp_matches_numpy() -> None:
    x, w1, b1, w2, b2 = (
        rand(8, 32),
        rand(64, 32, seed=1),
        rand(64, seed=2),
        rand(16, 64, seed=3),
        rand(16, seed=4),
    )
    got = compile_relax(MLP)["main"](x, w1, b1, w2, b2)
    want = np.maximum(x @ w1.T + b1, 0) @ w2.T + b2
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


BLOCK = """
@I.ir_module
class Block:
    @R.function
    def main(
        x: R.Tensor((8, 16), "float32"),
        g1: R.Tensor((16,), "float32"),
        be1: R.Tensor((16,), "float32"),
        wq: R.Tensor((16, 16), "float32"),
        wk: R.Tensor((16, 16), "float32"),
        wv: R.Tensor((16, 16), "float32"),
        wo: R.Tensor((16, 16), "float32"),
        g2: R.Tensor((16,), "float32"),
        be2: R.Tensor((16,), "float32"),
        w1: R.Tensor((16, 32), "float32"),
        w2: R.Tensor((32, 16), "float32"),
    ) -> R.Tensor((8, 16), "float32"):
        with R.dataflow():
            h = R.nn.layer_norm(x, g1, be1, axes=[-1], epsilon=1e-5)
            q = R.permute_dims(R.reshape(R.matmul(h, wq), (8, 2, 8)), [1, 0, 2])
            k = R.permute_dims(R.reshape(R.matmul(h, wk), (8, 2, 8)), [1, 2, 0])
            v = R.permute_dims(R.reshape(R.matmul(h, wv), (8, 2, 8)), [1, 0, 2])
            s = R.multiply(R.matmul(q, k), R.const(0.35355339, "float32"))
            p = R.nn.softmax(s, axis=-1)
            a = R.reshape(R.permute_dims(R.matmul(p, v), [1, 0, 2]), (8, 16))
            r = R.add(x, R.matmul(a, wo))
            h2 = R.nn.layer_norm(r, g2, be2, axes=[-1], epsilon=1e-5)
            y = R.add(r, R.matmul(R.nn.gelu(R.matmul(h2, w1)), w2))
            R.output(y)
        return y
"""


def _layer_norm(x: Array, g: Array, b: Array) -> Array:
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-5) * g + b


def _gelu(x: Array) -> Array:
    from math import erf, sqrt

    return x * 0.5 * (1 + np.vectorize(erf)(x / sqrt(2))).astype(x.dtype)


def _softmax(x: Array) -> Array:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def test_transformer_block_matches_numpy() -> None:
    x = rand(8, 16)
    g1, be1, g2, be2 = (rand(16, seed=s) for s in (1, 2, 3, 4))
    wq, wk, wv, wo = (rand(16, 16, seed=s) * 0.3 for s in (5, 6, 7, 8))
    w1, w2 = rand(16, 32, seed=9) * 0.3, rand(32, 16, seed=10) * 0.3
    got = compile_relax(BLOCK)["main"](x, g1, be1, wq, wk, wv, wo, g2, be2, w1, w2)
    h = _layer_norm(x, g1, be1)
    q, k, v = ((h @ w).reshape(8, 2, 8).transpose(1, 0, 2) for w in (wq, wk, wv))
    p = _softmax(q @ k.transpose(0, 2, 1) * np.float32(0.35355339))
    r = x + (p @ v).transpose(1, 0, 2).reshape(8, 16) @ wo
    want = r + _gelu(_layer_norm(r, g2, be2) @ w1) @ w2
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


CONVNET = """
@I.ir_module
class ConvNet:
    @R.function
    def main(
        x: R.Tensor((2, 3, 12, 12), "float32"),
        k1: R.Tensor((8, 3, 3, 3), "float32"),
        c1: R.Tensor((1, 8, 1, 1), "float32"),
        k2: R.Tensor((16, 8, 3, 3), "float32"),
        w: R.Tensor((16, 10), "float32"),
    ) -> R.Tensor((2, 10), "float32"):
        with R.dataflow():
            a = R.nn.relu(R.add(R.nn.conv2d(x, k1, padding=[1, 1]), c1))
            b = R.nn.max_pool2d(a, pool_size=[2, 2], strides=[2, 2])
            c = R.nn.relu(R.nn.conv2d(b, k2))
            d = R.nn.avg_pool2d(c, pool_size=[2, 2], strides=[2, 2])
            e = R.mean(d, axis=[2, 3])
            y = R.nn.softmax(R.matmul(e, w), axis=-1)
            R.output(y)
        return y
"""


def _conv(x: Array, k: Array, pad: int) -> Array:
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    kh, kw = k.shape[2:]
    windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))
    return np.einsum("nchwij,ocij->nohw", windows, k)


def _pool(x: Array, reduce: str) -> Array:
    n, c, h, w = x.shape
    blocks = x.reshape(n, c, h // 2, 2, w // 2, 2)
    return blocks.max(axis=(3, 5)) if reduce == "max" else blocks.mean(axis=(3, 5))


def test_conv_net_with_pooling_matches_numpy() -> None:
    x, k1, c1 = rand(2, 3, 12, 12), rand(8, 3, 3, 3, seed=1), rand(1, 8, 1, 1, seed=2)
    k2, w = rand(16, 8, 3, 3, seed=3) * 0.3, rand(16, 10, seed=4)
    got = compile_relax(CONVNET)["main"](x, k1, c1, k2, w)
    a = _pool(np.maximum(_conv(x, k1, 1) + c1, 0), "max")
    d = _pool(np.maximum(_conv(a, k2, 0), 0), "mean")
    want = _softmax(d.mean(axis=(2, 3)) @ w)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


DYNAMIC = """
@I.ir_module
class Dynamic:
    @R.function
    def main(
        x: R.Tensor(("n", 16), "float32"),
        w: R.Tensor((16, "m"), "float32"),
        b: R.Tensor(("m",), "float32"),
    ) -> R.Tensor(("n", "m"), "float32"):
        with R.dataflow():
            h = R.nn.relu(R.add(R.matmul(x, w), b))
            s = R.sum(h, axis=0, keepdims=True)
            y = R.subtract(h, R.divide(s, R.const(4.0, "float32")))
            R.output(y)
        return y
"""


@pytest.mark.parametrize(("n", "m"), [(3, 5), (7, 2), (5, 3), (1, 9)])
def test_dynamic_shape_model_matches_numpy_for_each_shape(n: int, m: int) -> None:
    fn = compile_relax(DYNAMIC)["main"]
    x, w, b = rand(n, 16, seed=n), rand(16, m, seed=m), rand(m, seed=n + m)
    got = fn(x, w, b)
    h = np.maximum(x @ w + b, 0)
    np.testing.assert_allclose(got, h - h.sum(0, keepdims=True) / 4, rtol=1e-5, atol=1e-5)


def test_dynamic_shape_model_called_with_two_shapes_in_turn() -> None:
    fn = compile_relax(DYNAMIC)["main"]
    cases = [
        (rand(n, 16, seed=n), rand(16, m, seed=m), rand(m, seed=1)) for n, m in ((4, 3), (9, 6))
    ]
    for _ in range(3):
        for x, w, b in cases:
            h = np.maximum(x @ w + b, 0)
            np.testing.assert_allclose(
                fn(x, w, b), h - h.sum(0, keepdims=True) / 4, rtol=1e-5, atol=1e-5
            )
