"""Image quality metrics: PSNR, colorfulness and delta-colorfulness.

The one copy used by training/, tools/quality and tools/golden. It needs only NumPy (the batched
PSNR takes torch tensors but does not import torch), so measuring tools can use it without torch.
"""
import math

import numpy as np


def psnr(x, y):
    """basicsr's PSNR of two 8-bit RGB images (arrays of the same shape, values 0..255), in dB: float64
    MSE over all pixels and channels, no crop; infinity for identical images. Written as
    20*log10(255/sqrt(MSE)), exactly as colorize-cli's ImageMetrics, so both round alike."""
    mse = np.mean((x.astype(np.float64) - y.astype(np.float64)) ** 2)
    return float('inf') if mse == 0 else 20 * np.log10(255.0 / np.sqrt(mse))


def psnr_batch(pred, truth):
    """Per-image PSNR of two [N,3,H,W] torch tensors in 0..255 (validation during training, on the
    training device); the MSE is floored at 1e-10, so identical images give 148.1 dB, not infinity."""
    mse = ((pred - truth) ** 2).mean(dim=(1, 2, 3)).clamp_min(1e-10)
    return 10 * (255 ** 2 / mse).log10()


def colorfulness(rgb8):
    """Hasler and Suesstrunk's colorfulness M of an HxWx3 RGB array in 0..255, in DDColor's
    absolute-value variant (|R - G|, |(R + G)/2 - B|), with NumPy's population standard deviation."""
    r, g, b = [rgb8[..., k].astype(np.float64) for k in range(3)]
    rg = np.abs(r - g)
    yb = np.abs(0.5 * (r + g) - b)
    return float(math.sqrt(rg.std() ** 2 + yb.std() ** 2) + 0.3 * math.sqrt(rg.mean() ** 2 + yb.mean() ** 2))


def delta_colorfulness(mean_cf, truth_cf):
    """DDColor's delta-colorfulness: |mean colorfulness of the results - mean of the photos|."""
    return abs(float(mean_cf) - float(truth_cf))
