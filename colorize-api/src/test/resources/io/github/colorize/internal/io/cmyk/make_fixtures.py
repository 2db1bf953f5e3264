#!/usr/bin/python3
"""Builds the four-component JPEG fixtures and their colour-managed sRGB references.

Run with a Python that has Pillow (with littleCMS) and numpy; writes next to this script.
Everything here is self-made: the CMYK profile is a small press-like ICC v2 profile computed
below (so no third-party profile's licence applies), and the pictures are synthetic.

  press-cmyk.icc          the profile (A2B0: CMYK -> Lab on a 5-point grid, and a crude B2A0)
  cmyk-icc.jpg            Adobe APP14 transform 0 (samples stored inverted), profile embedded
  cmyk-icc-no-adobe.jpg   no APP14 (samples stored as ink), profile embedded
  ycck-icc.jpg            Adobe APP14 transform 2 (YCCK), profile embedded
  cmyk-no-icc.jpg         Adobe APP14 transform 0, no profile
  *.ref.png               the same file decoded by libjpeg (Pillow) and converted to sRGB by
                          littleCMS (ImageCms, perceptual intent, Pillow's built-in sRGB); for
                          cmyk-no-icc there is no profile, so no colour-managed reference.
"""
import io
import struct
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms

HERE = Path(__file__).resolve().parent
SIZE = 64


def lab_from_ink(c, m, y, k):
    """A plausible press: each ink covers a share of the paper (15 % dot gain at 50 %) and filters
    the light in linear sRGB where it lies (Murray-Davies per ink, overprints multiply)."""
    solids = {  # linear-sRGB transmittance of each solid ink (process colours, roughly SWOP)
        "c": np.array([0.02, 0.42, 0.86]),
        "m": np.array([0.84, 0.02, 0.26]),
        "y": np.array([1.00, 0.89, 0.02]),
        "k": np.array([0.017, 0.014, 0.015]),
    }
    rgb = np.ones(3)
    for name, v in zip("cmyk", (c, m, y, k)):
        tone = v + 0.6 * v * (1 - v)
        rgb = rgb * (1 - tone * (1 - solids[name]))
    d65 = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    bradford_d65_to_d50 = np.array(
        [[1.0478, 0.0229, -0.0501], [0.0295, 0.9905, -0.0171], [-0.0092, 0.0150, 0.7521]])
    xyz = bradford_d65_to_d50 @ (d65 @ rgb)
    white = np.array([0.9642, 1.0, 0.8249])
    f = _f(xyz / white)
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _f(t):
    return np.where(t > 216 / 24389, np.cbrt(t), (24389 / 27 * t + 16) / 116)


def s15(v):
    return struct.pack(">i", int(round(v * 65536)))


def tag_text_desc(text):
    a = text.encode("ascii") + b"\0"
    return b"desc" + b"\0" * 4 + struct.pack(">I", len(a)) + a + struct.pack(">II", 0, 0) + b"\0\0\0" + b"\0" * 67


def tag_a2b0(grid=5):
    body = b"mft2" + b"\0" * 4 + bytes([4, 3, grid, 0])
    for i in range(3):
        for j in range(3):
            body += s15(1.0 if i == j else 0.0)
    body += struct.pack(">HH", 2, 2)
    body += struct.pack(">HH", 0, 65535) * 4
    steps = np.linspace(0, 1, grid)
    for c in steps:
        for m in steps:
            for y in steps:
                for k in steps:
                    L, a, b = lab_from_ink(c, m, y, k)
                    body += struct.pack(">HHH",
                                        int(round(np.clip(L, 0, 100) * 652.8)),
                                        int(round(np.clip(a + 128, 0, 255.996) * 256)),
                                        int(round(np.clip(b + 128, 0, 255.996) * 256)))
    body += struct.pack(">HH", 0, 65535) * 3
    return body


def tag_b2a0(grid=5):
    """A crude inverse (Lab -> sRGB -> CMY, no black): decoders never use it, but an output-class
    profile must have one, and Java's colour management refuses to link a profile without it."""
    body = b"mft2" + b"\0" * 4 + bytes([3, 4, grid, 0])
    for i in range(3):
        for j in range(3):
            body += s15(1.0 if i == j else 0.0)
    body += struct.pack(">HH", 2, 2)
    body += struct.pack(">HH", 0, 65535) * 3
    srgb = ImageCms.buildTransform(ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"), "LAB", "RGB")
    steps = np.linspace(0, 1, grid)
    lab = np.array([[(L, a, b) for L in steps for a in steps for b in steps]]) * 255
    rgb = np.asarray(ImageCms.applyTransform(Image.fromarray(np.round(lab).astype(np.uint8), "LAB"), srgb))[0]
    for r, g, b in rgb.astype(np.int64):
        body += struct.pack(">HHHH", (255 - r) * 257, (255 - g) * 257, (255 - b) * 257, 0)
    body += struct.pack(">HH", 0, 65535) * 4
    return body


def profile():
    tags = [
        (b"desc", tag_text_desc("colorize test press CMYK")),
        (b"cprt", b"text" + b"\0" * 4 + b"Public domain; made for colorize's tests\0"),
        (b"wtpt", b"XYZ " + b"\0" * 4 + s15(0.9642) + s15(1.0) + s15(0.8249)),
        (b"A2B0", tag_a2b0()),
        (b"B2A0", tag_b2a0()),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, body in tags:
        while (offset + len(data)) % 4:
            data += b"\0"
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000) + b"prtrCMYKLab "
    header += struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 20
    header += struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249)
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + data


def ink():
    """Smooth ramps over the whole ink space plus solid patches along the top."""
    yy, xx = np.mgrid[0:SIZE, 0:SIZE] / (SIZE - 1)
    c = xx
    m = yy
    y = 1 - (xx + yy) / 2
    k = 0.5 * (0.5 + 0.5 * np.sin(6 * xx) * np.cos(5 * yy))
    out = np.stack([c, m, y, k], axis=-1)
    patches = [(1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (1, 1, 1, 0), (0, 0, 0, 0),
               (0.5, 0.5, 0.5, 0), (0.2, 0.6, 0.9, 0.1)]
    for i, p in enumerate(patches):
        out[0:8, i * 8:(i + 1) * 8] = p
    return np.round(out * 255).astype(np.uint8)


def save(samples_as_pil_cmyk, icc):
    """Pillow stores CMYK inverted with APP14 transform 0 (Adobe's convention)."""
    buf = io.BytesIO()
    kwargs = {"icc_profile": icc} if icc else {}
    Image.fromarray(samples_as_pil_cmyk, "CMYK").save(buf, "JPEG", quality=95, subsampling=0, **kwargs)
    return buf.getvalue()


def adobe_segment(jpeg):
    at = jpeg.index(b"\xff\xee\x00\x0eAdobe")
    return at, at + 16


def main():
    icc = profile()
    (HERE / "press-cmyk.icc").write_bytes(icc)
    cms = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    srgb = ImageCms.createProfile("sRGB")
    to_srgb = ImageCms.buildTransform(cms, srgb, "CMYK", "RGB", renderingIntent=0)
    ink_px = ink()

    files = {}
    files["cmyk-icc.jpg"] = save(ink_px, icc)
    files["cmyk-no-icc.jpg"] = save(ink_px, None)
    # No APP14: Pillow would still store 255 - v, so hand it 255 - ink and drop the segment.
    j = save(255 - ink_px, icc)
    s, e = adobe_segment(j)
    files["cmyk-icc-no-adobe.jpg"] = j[:s] + j[e:]
    # YCCK: Y, Cb, Cr of (C, M, Y) ink read as if RGB (libjpeg: C = 255 - R of stored inverted
    # samples), K stored inverted; written as "CMYK" samples, then the transform byte set to 2.
    f = ink_px[..., :3].astype(np.float64)
    ycc = np.stack([
        0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2],
        -0.168736 * f[..., 0] - 0.331264 * f[..., 1] + 0.5 * f[..., 2] + 128,
        0.5 * f[..., 0] - 0.418688 * f[..., 1] - 0.081312 * f[..., 2] + 128], axis=-1)
    stored = np.concatenate([np.clip(np.round(ycc), 0, 255), 255 - ink_px[..., 3:]], axis=-1).astype(np.uint8)
    j = bytearray(save(255 - stored, icc))
    s, e = adobe_segment(bytes(j))
    j[e - 1] = 2
    files["ycck-icc.jpg"] = bytes(j)

    for name, data in files.items():
        (HERE / name).write_bytes(data)
        decoded = Image.open(io.BytesIO(data))
        decoded.load()
        px = np.asarray(decoded)
        if name == "cmyk-icc-no-adobe.jpg":
            px = 255 - px  # Pillow assumes Adobe's inversion for every CMYK JPEG
        if "no-icc" in name:
            continue
        ref = ImageCms.applyTransform(Image.fromarray(px, "CMYK"), to_srgb)
        ref.save(HERE / name.replace(".jpg", ".ref.png"), optimize=True)
        print(name, len(data), "bytes")


if __name__ == "__main__":
    main()
