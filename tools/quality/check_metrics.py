#!/usr/bin/python3
"""Independent check of `colorize eval`'s numbers, in NumPy + Pillow.

For a few photos of an evaluated folder this script recomputes, without any of the project's Java
code (PSNR and colourfulness come from training/colorize_training/metrics.py, which needs NumPy
only), what `colorize eval --json` reported per photo:

* the gray input (CIE L* with exact sRGB/D65 constants, a* = b* = 0, back to 8-bit sRGB) and its
  PSNR against the photo;
* the sepia baseline (L*, a* = 6, b* = 18) and its PSNR and colourfulness;
* the colourfulness of the photo itself;
* PSNR and colourfulness of the colorizer's output, read from a folder of results made by
  colourising the gray inputs this script writes (see tools/quality/README.md for the steps).

PSNR is basicsr's (8-bit RGB, float64 MSE over all pixels and channels, no crop); colourfulness is
Hasler and Suesstrunk's M with NumPy's population standard deviation, in DDColor's absolute variant
(|R - G|, |(R + G)/2 - B|). It exits with 1 if any number differs by more than --tolerance.

Usage, from the repository root:
  python3 -m tools.quality.check_metrics gray   --photos DIR --out GRAYDIR FILE...
  python3 -m tools.quality.check_metrics check  --photos DIR --json EVAL.json --results RESULTDIR FILE...
"""
import argparse
import json
import os
import sys

if not __package__:  # run as a file: the training package is not importable
    sys.exit('run from the repository root as: python3 -m tools.quality.check_metrics ...')

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from training.colorize_training.metrics import colorfulness, psnr  # noqa: E402

M = np.array([[0.412453, 0.357580, 0.180423],
              [0.212671, 0.715160, 0.072169],
              [0.019334, 0.119193, 0.950227]])
WHITE = M.sum(axis=1)  # exact variant: white = row sums, so neutrals have a* = b* = 0
EPS = 216.0 / 24389.0
KAPPA = 24389.0 / 27.0


def to_linear(c):
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def from_linear(c):
    c = np.maximum(c, 0)  # negatives only reach the linear branch; clipped to 0 later anyway
    return np.where(c <= 0.04045 / 12.92, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def f(t):
    return np.where(t > EPS, np.cbrt(t), (KAPPA * t + 16.0) / 116.0)


def f_inv(v):
    return np.where(v > 6.0 / 29.0, v ** 3, (116.0 * v - 16.0) / KAPPA)


def lightness(rgb8):
    """L* of 8-bit RGB, kept in float32 as the Java planes are."""
    lin = to_linear(rgb8.astype(np.float64) / 255.0)
    y = lin @ M[1] / WHITE[1]
    return (116.0 * f(y) - 16.0).astype(np.float32)


def lab_to_rgb8(l, a, b):
    fy = (l.astype(np.float64) + 16.0) / 116.0
    fx = fy + a / 500.0
    fz = fy - b / 200.0
    xyz = np.stack([f_inv(fx) * WHITE[0], f_inv(fy) * WHITE[1], f_inv(fz) * WHITE[2]], axis=-1)
    rgb = from_linear(xyz @ np.linalg.inv(M).T)
    return np.rint(np.clip(rgb, 0, 1) * 255).astype(np.uint8)


def gray_of(truth):
    l = lightness(truth)
    v = np.rint(np.clip(from_linear(f_inv((l.astype(np.float64) + 16.0) / 116.0)), 0, 1) * 255)
    return np.repeat(v.astype(np.uint8)[..., None], 3, axis=-1)


def sepia_of(truth):
    l = lightness(truth)
    return lab_to_rgb8(l, np.float32(6.0), np.float32(18.0))


def load(path):
    return np.asarray(Image.open(path).convert('RGB'))


def cmd_gray(a):
    os.makedirs(a.out, exist_ok=True)
    for name in a.files:
        g = gray_of(load(os.path.join(a.photos, name)))
        Image.fromarray(g[..., 0], 'L').save(os.path.join(a.out, os.path.splitext(name)[0] + '.png'))
        print('wrote', os.path.join(a.out, os.path.splitext(name)[0] + '.png'))
    return 0


def cmd_check(a):
    with open(a.json) as fh:
        doc = json.load(fh)
    per = {}
    for folder in doc['folders']:
        for p in folder['perPhoto']:
            per[p['file']] = p
    worst = 0.0
    print('%-14s %-22s %12s %12s %10s' % ('photo', 'number', 'java', 'python', 'diff'))
    for name in a.files:
        truth = load(os.path.join(a.photos, name))
        ours = load(os.path.join(a.results, os.path.splitext(name)[0] + '.png'))
        gray, sepia = gray_of(truth), sepia_of(truth)
        mine = {
            ('psnr', 'gray'): psnr(gray, truth),
            ('psnr', 'sepia'): psnr(sepia, truth),
            ('psnr', 'ours'): psnr(ours, truth),
            ('cf', 'sepia'): colorfulness(sepia),
            ('cf', 'ours'): colorfulness(ours),
            ('cf', 'truth'): colorfulness(truth),
        }
        java = per[name]
        for (kind, method), value in mine.items():
            jv = java[kind][method]
            d = abs(jv - value)
            worst = max(worst, d)
            print('%-14s %-22s %12.6f %12.6f %10.2e' % (name, kind + ' ' + method, jv, value, d))
    print('largest difference: %.3g (tolerance %.3g)' % (worst, a.tolerance))
    return 0 if worst <= a.tolerance else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    g = sub.add_parser('gray', help='write the gray inputs (L*, a* = b* = 0) as 8-bit PNGs')
    g.add_argument('--photos', required=True)
    g.add_argument('--out', required=True)
    g.add_argument('files', nargs='+')
    c = sub.add_parser('check', help='recompute and compare with the eval JSON')
    c.add_argument('--photos', required=True)
    c.add_argument('--json', required=True)
    c.add_argument('--results', required=True, help='the colorizer\'s results for the gray PNGs')
    c.add_argument('--tolerance', type=float, default=0.01)
    c.add_argument('files', nargs='+')
    a = p.parse_args()
    return cmd_gray(a) if a.cmd == 'gray' else cmd_check(a)


if __name__ == '__main__':
    sys.exit(main())
