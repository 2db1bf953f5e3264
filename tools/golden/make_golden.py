#!/usr/bin/python3
"""Generates the golden fixtures of colorize-api's colour and resampling toolkit.

Run with Debian's Python, which has the reference libraries (Pillow 9.4, OpenCV 4.6,
scikit-image 0.19, PyTorch 1.13, NumPy 1.24):

    /usr/bin/python3 tools/golden/make_golden.py

It writes, relative to the repository root:

* colorize-api/src/main/resources/io/github/colorize/internal/color/opencv-rgb2lab-lut.bin.gz
  OpenCV's 33x33x33 RGB->Lab table, read back from cv2.cvtColor at the grid colours k/32
  (there OpenCV's trilinear interpolation returns the table entry itself). Runtime resource.
* colorize-api/src/test/resources/golden/*.bin.gz  small golden arrays (gzip, format below)
* colorize-api/src/test/resources/golden/digests.properties  SHA-256 of exhaustive 2^24 tables

Fixture format ("GLD1"): magic b"GLD1", then records until EOF:
  u16 name length, name (UTF-8), u8 dtype code (b'u1', b'i2', b'i4', b'f4', b'f8' as 1 byte:
  'B' uint8, 'h' int16, 'i' int32, 'f' float32, 'd' float64), u8 ndim, ndim x u32 dims,
  then the data, little-endian, C order.
All random inputs use fixed seeds, so reruns produce identical files.
"""
import gzip
import hashlib
import os
import struct
import sys

import cv2
import numpy as np
import PIL
import skimage
import torch
import torch.nn.functional as F
from PIL import Image
from skimage import color

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TEST_OUT = os.path.join(ROOT, "colorize-api", "src", "test", "resources", "golden")
MAIN_RES = os.path.join(ROOT, "colorize-api", "src", "main", "resources", "io", "github", "colorize",
                        "internal", "color")

DTYPES = {np.dtype(np.uint8): b"B", np.dtype(np.int16): b"h", np.dtype(np.int32): b"i",
          np.dtype(np.float32): b"f", np.dtype(np.float64): b"d"}


class Fixture:
    def __init__(self, name):
        self.path = os.path.join(TEST_OUT, name)
        self.records = []

    def add(self, name, arr):
        arr = np.ascontiguousarray(arr)
        self.records.append((name, arr))

    def write(self):
        out = bytearray(b"GLD1")
        for name, arr in self.records:
            nb = name.encode("utf-8")
            out += struct.pack("<H", len(nb)) + nb
            out += DTYPES[arr.dtype] + struct.pack("<B", arr.ndim)
            out += struct.pack("<%dI" % arr.ndim, *arr.shape)
            out += arr.astype(arr.dtype.newbyteorder("<")).tobytes()
        # gzip with mtime=0 so that reruns give byte-identical files.
        with open(self.path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
            f.write(bytes(out))
        print("wrote %s (%d bytes, %d arrays)" % (os.path.relpath(self.path, ROOT), os.path.getsize(self.path), len(self.records)))


def all_colors():
    """All 2^24 colours as an (2^24, 3) uint8 array, index = R<<16 | G<<8 | B."""
    c = np.arange(1 << 24, dtype=np.uint32)
    return np.stack([(c >> 16) & 255, (c >> 8) & 255, c & 255], axis=-1).astype(np.uint8)


def sha256(arr):
    return hashlib.sha256(np.ascontiguousarray(arr).tobytes()).hexdigest()


def packed(rgb):
    """(..., 3) uint8 -> int32 0xRRGGBB."""
    rgb = rgb.astype(np.int32)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


# ---------------------------------------------------------------- OpenCV Lab table (runtime resource)

def opencv_lab_table():
    k = np.arange(33, dtype=np.float32) / np.float32(32)
    r, g, b = np.meshgrid(k, k, k, indexing="ij")  # b varies fastest
    img = np.stack([r, g, b], axis=-1).reshape(-1, 1, 3).astype(np.float32)
    lab = cv2.cvtColor(img, cv2.COLOR_RGB2Lab).reshape(-1, 3).astype(np.float64)
    il = np.rint(lab[:, 0] * 16384 / 100).astype(np.int64)
    ia = np.rint((lab[:, 1] + 128) * 64).astype(np.int64)
    ib = np.rint((lab[:, 2] + 128) * 64).astype(np.int64)
    # The float output is a function of the int16 entry; check that the inversion is exact.
    assert np.array_equal((il.astype(np.float32) / np.float32(16384)) * np.float32(100), lab[:, 0].astype(np.float32))
    assert np.array_equal((ia.astype(np.float32) / np.float32(16384)) * np.float32(256) - np.float32(128),
                          lab[:, 1].astype(np.float32))
    table = np.stack([il, ia, ib], axis=-1).astype(">i2")
    os.makedirs(MAIN_RES, exist_ok=True)
    path = os.path.join(MAIN_RES, "opencv-rgb2lab-lut.bin.gz")
    # mtime=0 keeps the file byte-identical across runs.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(table.tobytes())
    print("wrote %s (%d bytes)" % (os.path.relpath(path, ROOT), os.path.getsize(path)))


# ---------------------------------------------------------------- synthetic inputs shared with Java
# The Java tests rebuild these from the same formulas (SyntheticImages), so only outputs are stored.

def synthetic_rgb(w, h):
    """Sharp-edged 8-bit test pattern: (H, W, 3) uint8."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    chans = [((x * 37 + y * 91 + c * 53) ^ (x * y * 7 + c)) & 255 for c in range(3)]
    return np.stack(chans, axis=-1).astype(np.uint8)


def synthetic_gray(w, h):
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    return (((x * 29 + y * 67) ^ (x * y * 5)) & 255).astype(np.uint8)


def synthetic_plane(w, h):
    """float32 plane with values in [-3, 11.5): float32(((37x + 91y + (xy mod 13)) mod 101) / 7 - 3)."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    k = (x * 37 + y * 91 + (x * y) % 13) % 101
    return (k / 7.0 - 3.0).astype(np.float32)


def synthetic_ab(w, h):
    """Two float32 chroma planes in Lab units, roughly -100..100."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    a = (((x * 41 + y * 23) % 97) * 2.0 - 96.0).astype(np.float32)
    b = (((x * 17 + y * 59 + 11) % 89) * 2.25 - 99.0).astype(np.float32)
    return a, b


RESIZE_CASES = [  # (w, h, nw, nh): down, up, one axis only, extreme, odd sizes
    (37, 23, 16, 11), (37, 23, 80, 50), (37, 23, 5, 3), (37, 23, 37, 9), (37, 23, 81, 23),
    (37, 23, 1, 1), (37, 23, 59, 17), (37, 23, 200, 2), (301, 211, 56, 56), (38, 24, 19, 12),
    (40, 30, 13, 10), (7, 5, 64, 48),
]


# ---------------------------------------------------------------- exhaustive integer formulas

def integer_formulas(digests):
    allc = all_colors().reshape(4096, 4096, 3)
    luma = np.asarray(Image.fromarray(allc, "RGB").convert("L"))
    digests["pillow.luma.all"] = sha256(luma)
    yuv = cv2.cvtColor(allc, cv2.COLOR_RGB2YUV)
    digests["opencv.rgb2yuv.all"] = sha256(yuv)
    rgb = cv2.cvtColor(allc, cv2.COLOR_YUV2RGB)  # the same 2^24 triples read as Y, U, V
    digests["opencv.yuv2rgb.all"] = sha256(rgb)
    # OpenCV float RGB->Lab of every 8-bit colour, as DDColor feeds it: float32(c / 255.0).
    h = hashlib.sha256()
    for r0 in range(0, 4096, 256):
        chunk = (allc[r0:r0 + 256] / 255.0).astype(np.float32)
        h.update(cv2.cvtColor(chunk, cv2.COLOR_RGB2Lab).astype("<f4").tobytes())
    digests["opencv.rgb2lab.f32.all"] = h.hexdigest()

    fx = Fixture("integer-formulas.bin.gz")
    rnd = np.random.default_rng(20261122)
    sample = rnd.integers(0, 256, size=(1, 4096, 3), dtype=np.uint8)
    fx.add("rgb", packed(sample[0]))
    fx.add("luma", np.asarray(Image.fromarray(sample, "RGB").convert("L"))[0])
    fx.add("rgb2yuv", packed(cv2.cvtColor(sample, cv2.COLOR_RGB2YUV)[0]))
    fx.add("yuv2rgb", packed(cv2.cvtColor(sample, cv2.COLOR_YUV2RGB)[0]))
    fx.write()


# ---------------------------------------------------------------- Lab

def lab_fixture():
    fx = Fixture("lab.bin.gz")
    rnd = np.random.default_rng(8_5)
    table = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255), (0, 0, 0), (128, 128, 128),
             (10, 10, 10), (200, 150, 100), (50, 100, 200)]
    grays = [(v, v, v) for v in range(256)]
    rgb = np.array(table + grays, dtype=np.uint8)
    rgb = np.concatenate([rgb, rnd.integers(0, 256, size=(4096 - len(rgb), 3), dtype=np.uint8)])
    fx.add("rgb", packed(rgb))
    fx.add("skimage_lab", color.rgb2lab(rgb[None])[0].astype(np.float64))
    f32 = (rgb[None] / 255.0).astype(np.float32)
    fx.add("opencv_lab", cv2.cvtColor(f32, cv2.COLOR_RGB2Lab)[0])

    table_lab = [(50, 0, 0), (50, 60, -40), (75, -30, 50), (20, 40, 40), (60, 20, -120)]
    n = 4096 - len(table_lab)
    lab = np.concatenate([
        np.array(table_lab, dtype=np.float64),
        np.stack([rnd.uniform(0, 100, n), rnd.uniform(-128, 127, n), rnd.uniform(-128, 127, n)], axis=-1),
    ]).astype(np.float32)
    fx.add("lab", lab)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Z < 0" for out-of-gamut samples, which are wanted here
        sk = color.lab2rgb(lab[None].astype(np.float64))[0]
    fx.add("skimage_rgb", sk.astype(np.float64))
    # OpenCV processes 8 pixels at a time with SSE2 and the rest of a row one by one; one row of
    # 4096 pixels keeps every sample on the SIMD path that the Java code reproduces.
    cv = cv2.cvtColor(lab[None], cv2.COLOR_Lab2RGB)[0]
    fx.add("opencv_rgb", cv)
    fx.add("opencv_rgb8", packed((cv * 255.0).round().astype(np.uint8)))
    fx.write()


# ---------------------------------------------------------------- resampling

def resample_fixture():
    fx = Fixture("resample.bin.gz")
    for (w, h, nw, nh) in RESIZE_CASES:
        src = synthetic_rgb(w, h)
        gray = synthetic_gray(w, h)
        for name, flt in (("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC)):
            key = "%dx%d-%dx%d-%s" % (w, h, nw, nh, name)
            fx.add("pillow-rgb-" + key, packed(np.asarray(Image.fromarray(src, "RGB").resize((nw, nh), flt))))
            fx.add("pillow-gray-" + key, np.asarray(Image.fromarray(gray, "L").resize((nw, nh), flt)))
        key = "%dx%d-%dx%d" % (w, h, nw, nh)
        fx.add("opencv-f32-" + key, cv2.resize(synthetic_plane(w, h), (nw, nh), interpolation=cv2.INTER_LINEAR))
        fx.add("opencv-rgb8-" + key, packed(cv2.resize(src, (nw, nh), interpolation=cv2.INTER_LINEAR)))
        t = torch.from_numpy(synthetic_plane(w, h))[None, None]
        fx.add("torch-nearest-" + key, F.interpolate(t, size=(nh, nw), mode="nearest")[0, 0].numpy())
        fx.add("torch-bilinear-" + key,
               F.interpolate(t, size=(nh, nw), mode="bilinear", align_corners=False)[0, 0].numpy())
    fx.write()


# ---------------------------------------------------------------- recombination

def recombine_fixture():
    fx = Fixture("recombine.bin.gz")
    w, h = 37, 23
    orig = synthetic_rgb(w, h)
    # DeOldify post-processing: colour image resized to the original with Pillow BILINEAR, then YUV.
    small = synthetic_rgb(11, 7)[:, ::-1].copy()
    colored = np.asarray(Image.fromarray(small, "RGB").resize((w, h), Image.BILINEAR))
    fx.add("yuv-colour", packed(colored))  # record names are read by the Java tests: keep them
    yo = cv2.cvtColor(orig, cv2.COLOR_RGB2YUV)
    yc = cv2.cvtColor(colored, cv2.COLOR_RGB2YUV)
    yc[..., 0] = yo[..., 0]
    fx.add("yuv-out", packed(cv2.cvtColor(yc, cv2.COLOR_YUV2RGB)))

    cw, ch = 9, 6
    a, b = synthetic_ab(cw, ch)
    up = F.interpolate(torch.from_numpy(np.stack([a, b]))[None], size=(h, w), mode="bilinear",
                       align_corners=False)[0].numpy()
    # ECCV16/SIGGRAPH17 style: scikit-image L of the original + bilinear ab, lab2rgb, RNE to 8 bits.
    l_sk = color.rgb2lab(orig)[..., 0].astype(np.float32)
    lab = np.stack([l_sk, up[0], up[1]], axis=-1).astype(np.float64)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fx.add("lab-skimage-out", packed(np.round(color.lab2rgb(lab) * 255).astype(np.uint8)))
    # DDColor-style arithmetic (OpenCV float Lab both ways), with bilinear ab.
    l_cv = cv2.cvtColor((orig / 255.0).astype(np.float32), cv2.COLOR_RGB2Lab)[..., 0]
    lab_cv = np.stack([l_cv, up[0], up[1]], axis=-1).astype(np.float32)
    rgb_cv = cv2.cvtColor(lab_cv, cv2.COLOR_Lab2RGB)
    fx.add("lab-opencv-out", packed((rgb_cv * 255.0).round().astype(np.uint8)))
    fx.write()


def main():
    print("Pillow %s, OpenCV %s, scikit-image %s, NumPy %s, torch %s" % (
        PIL.__version__, cv2.__version__, skimage.__version__, np.__version__, torch.__version__))
    os.makedirs(TEST_OUT, exist_ok=True)
    opencv_lab_table()
    digests = {}
    integer_formulas(digests)
    lab_fixture()
    resample_fixture()
    recombine_fixture()
    path = os.path.join(TEST_OUT, "digests.properties")
    with open(path, "w") as f:
        f.write("# SHA-256 of exhaustive 2^24-colour tables, written by tools/golden/make_golden.py\n")
        f.write("# (Pillow %s, OpenCV %s). Layouts are documented in ExhaustiveDigestTest.\n"
                % (PIL.__version__, cv2.__version__))
        for k in sorted(digests):
            f.write("%s=%s\n" % (k, digests[k]))
    print("wrote %s" % os.path.relpath(path, ROOT))


if __name__ == "__main__":
    sys.exit(main())
