#!/usr/bin/python3
"""Generates the golden fixtures of colorize-api's colour and resampling toolkit.

Run with Debian's Python, which has the reference libraries (Pillow 9.4, OpenCV 4.6,
scikit-image 0.19, PyTorch 1.13, NumPy 1.24):

    /usr/bin/python3 tools/golden/make_golden.py

It writes, relative to the repository root:

* colorize-api/src/main/resources/io/github/colorize/internal/color/opencv-rgb2lab-lut.bin.gz
  OpenCV's 33x33x33 RGB->Lab table, read back from cv2.cvtColor at the grid colours k/32
  (there OpenCV's trilinear interpolation returns the table entry itself). Runtime resource.
* colorize-api/src/test/resources/golden/*.bin  small golden arrays (format below)
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
        with open(self.path, "wb") as f:
            f.write(bytes(out))
        print("wrote %s (%d bytes, %d arrays)" % (os.path.relpath(self.path, ROOT), len(out), len(self.records)))


def all_colours():
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


def main():
    print("Pillow %s, OpenCV %s, scikit-image %s, NumPy %s, torch %s" % (
        PIL.__version__, cv2.__version__, skimage.__version__, np.__version__, torch.__version__))
    os.makedirs(TEST_OUT, exist_ok=True)
    opencv_lab_table()


if __name__ == "__main__":
    sys.exit(main())
