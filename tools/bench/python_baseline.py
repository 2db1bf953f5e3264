#!/usr/bin/python3
"""Times the reference Python libraries on the benchmark image of colorize-benchmarks.

    /usr/bin/python3 tools/bench/python_baseline.py [--repeats N]

The image is the same 4000x3000 (12 MP) pseudo-random RGB picture that the JMH benchmarks build
(BenchmarkImages.java): channel c of pixel (x, y) is byte c of
    h = ((x * 0x9E3779B1) ^ (y * 0x85EBCA77)) * 0xC2B2AE3D   (uint32 arithmetic),
so both sides convert identical pixels; the script prints the image's SHA-256 to prove it.

Timed after one warm-up call, median of N runs (3N for the resizes), both wall clock and process
CPU time (all threads); CPU time is the fairer number on a shared, busy machine:
  * scikit-image rgb2lab on the uint8 image, lab2rgb on its result, and the sum (round trip);
  * Pillow Image.resize to 560x560 with BILINEAR and with BICUBIC.
"""
import argparse
import hashlib
import statistics
import time

import numpy as np
import PIL
import skimage
from PIL import Image
from skimage import color

W, H = 4000, 3000


def bench_image():
    y, x = np.mgrid[0:H, 0:W].astype(np.uint32)
    with np.errstate(over="ignore"):
        h = ((x * np.uint32(0x9E3779B1)) ^ (y * np.uint32(0x85EBCA77))) * np.uint32(0xC2B2AE3D)
    rgb = np.stack([(h >> 16) & 255, (h >> 8) & 255, h & 255], axis=-1).astype(np.uint8)
    return rgb


def timed(fn, repeats):
    """Median wall and process-CPU milliseconds of `repeats` calls (after one warm-up call)."""
    out = fn()
    wall, cpu = [], []
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        out = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000.0, statistics.median(cpu) * 1000.0, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    rgb = bench_image()
    packed = (rgb[..., 0].astype(np.uint32) << 16) | (rgb[..., 1].astype(np.uint32) << 8) | rgb[..., 2]
    print("image %dx%d sha256(packed int32 LE 0xRRGGBB) %s" % (
        W, H, hashlib.sha256(packed.astype("<i4").tobytes()).hexdigest()))
    print("Pillow %s, scikit-image %s, NumPy %s" % (PIL.__version__, skimage.__version__, np.__version__))

    fwd, fwd_cpu, lab = timed(lambda: color.rgb2lab(rgb), args.repeats)
    inv, inv_cpu, _ = timed(lambda: color.lab2rgb(lab), args.repeats)
    print("skimage rgb2lab          wall median %8.1f ms   cpu median %8.1f ms" % (fwd, fwd_cpu))
    print("skimage lab2rgb          wall median %8.1f ms   cpu median %8.1f ms" % (inv, inv_cpu))
    print("skimage roundTrip (sum)  wall median %8.1f ms   cpu median %8.1f ms" % (fwd + inv, fwd_cpu + inv_cpu))

    im = Image.fromarray(rgb, "RGB")
    for name, flt in (("BILINEAR", Image.BILINEAR), ("BICUBIC", Image.BICUBIC)):
        med, cpu, _ = timed(lambda: im.resize((560, 560), flt), args.repeats * 3)
        print("pillow %-8s 560x560  wall median %8.1f ms   cpu median %8.1f ms" % (name, med, cpu))


if __name__ == "__main__":
    main()
