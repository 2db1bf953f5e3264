"""The training photos: listing, the held-out validation split, preparation (centre crop, 128 px
short side), loading into memory from the folder of JPEGs or from the compact WebP pack, and the
random crops of training.
"""
import hashlib
import io
import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch
import torch.nn.functional as F

SHORT_SIDE = 128          # training images are normalized to this short side
MAX_ASPECT = 4.0 / 3.0    # and centre-cropped to at most this aspect ratio
CANVAS = 171              # ceil(128 * 4/3)

PACK_INDEX = 'index.tsv'  # one line per photo: set, name, offset, length, 1 if validation
PACK_BLOB = 'pack.bin'    # the encoded photos, one after the other
PACK_QUALITY = 60         # WebP quality of the pack


def list_train_dir(root):
    """[(set, filename, path)] for every photo (JPEG, PNG, WebP) of the training folder, sorted."""
    out = []
    for s in sorted(os.listdir(root)):
        d = os.path.join(root, s)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.lower().endswith(('.jpg', '.jpeg', '.png', '.webp')):
                out.append((s, f, os.path.join(d, f)))
    return out


def is_val(set_name, file_name, frac=0.03):
    """Deterministic held-out validation split (~3% of each set) by a hash of the name."""
    h = hashlib.sha1(('colorize-val|%s|%s' % (set_name, file_name)).encode()).hexdigest()
    return int(h[:8], 16) < frac * 0x100000000


def prepare(img):
    """PIL RGB image -> PIL RGB, centre-cropped to aspect <= 4:3, short side 128."""
    from PIL import Image
    w, h = img.size
    if w > h * MAX_ASPECT:
        nw = int(round(h * MAX_ASPECT))
        l = (w - nw) // 2
        img = img.crop((l, 0, l + nw, h))
    elif h > w * MAX_ASPECT:
        nh = int(round(w * MAX_ASPECT))
        t = (h - nh) // 2
        img = img.crop((0, t, w, t + nh))
    w, h = img.size
    s = SHORT_SIDE / min(w, h)
    if abs(s - 1) > 1e-6:
        img = img.resize((max(1, int(round(w * s))), max(1, int(round(h * s)))), Image.LANCZOS)
    return img


def encode_webp(path, quality=PACK_QUALITY):
    """One photo of the pack: prepared as for training, then WebP-encoded (bytes)."""
    from PIL import Image
    with Image.open(path) as im:
        im = prepare(im.convert('RGB'))
    b = io.BytesIO()
    im.save(b, 'WEBP', quality=quality, method=6)
    return b.getvalue()


def _decode_file(path):
    from PIL import Image
    with Image.open(path) as im:
        return np.asarray(prepare(im.convert('RGB')))


def _decode_bytes(b):
    from PIL import Image
    with Image.open(io.BytesIO(b)) as im:
        return np.asarray(prepare(im.convert('RGB')))


def load_records(data, workers=2, every=1):
    """Returns [(set, name, val, HxWx3 uint8)] from a training folder or a pack folder."""
    if os.path.exists(os.path.join(data, PACK_INDEX)):
        with open(os.path.join(data, PACK_BLOB), 'rb') as f:
            blob = f.read()
        meta, chunks = [], []
        with open(os.path.join(data, PACK_INDEX)) as f:
            for line in f:
                s, n, off, ln, v = line.rstrip('\n').split('\t')
                meta.append((s, n, v == '1'))
                chunks.append(blob[int(off):int(off) + int(ln)])
        meta, chunks = meta[::every], chunks[::every]
        with ThreadPoolExecutor(workers) as ex:
            arrs = list(ex.map(_decode_bytes, chunks, chunksize=64))
    else:
        files = list_train_dir(data)[::every]
        meta = [(s, n, is_val(s, n)) for s, n, _ in files]
        with ThreadPoolExecutor(workers) as ex:
            arrs = list(ex.map(_decode_file, [p for _, _, p in files], chunksize=64))
    return [(s, n, v, a) for (s, n, v), a in zip(meta, arrs)]


def to_canvas(arrs):
    """List of HxWx3 uint8 (short side 128, aspect <= 4:3) -> ([N,3,C,C] uint8, [N,2] (h,w))."""
    n = len(arrs)
    canvas = torch.zeros(n, 3, CANVAS, CANVAS, dtype=torch.uint8)
    hw = torch.zeros(n, 2, dtype=torch.long)
    for i, a in enumerate(arrs):
        h, w = a.shape[:2]
        h, w = min(h, CANVAS), min(w, CANVAS)
        canvas[i, :, :h, :w] = torch.from_numpy(np.ascontiguousarray(a[:h, :w].transpose(2, 0, 1)))
        hw[i, 0], hw[i, 1] = h, w
    return canvas, hw


class Augmenter:
    """Random crop (86-128 px of the 128 px short side, i.e. 96-144 px of the originals),
    rescale to crop x crop, horizontal flip; all on the device with grid_sample."""

    def __init__(self, canvas, hw, crop, device, crop_min=0.67, aspect=1.0):
        self.canvas, self.hw, self.crop, self.device = canvas, hw, crop, device
        self.crop_min, self.aspect = crop_min, aspect
        self.size = canvas.shape[-1]

    def __call__(self, idx, gen):
        b = len(idx)
        h = self.hw[idx, 0].float()
        w = self.hw[idx, 1].float()
        short = torch.minimum(h, w)
        side = short * (self.crop_min + (1 - self.crop_min) * torch.rand(b, generator=gen))
        r = torch.exp((torch.rand(b, generator=gen) * 2 - 1) * math.log(self.aspect))
        sw = torch.minimum(side * r.sqrt(), w)
        sh = torch.minimum(side / r.sqrt(), h)
        x0 = (w - sw) * torch.rand(b, generator=gen)
        y0 = (h - sh) * torch.rand(b, generator=gen)
        flip = (torch.rand(b, generator=gen) < 0.5).float() * -2 + 1
        return self.crop_boxes(idx, x0, y0, sw, flip, sh)

    def crop_boxes(self, idx, x0, y0, side, flip, side_h=None):
        s = float(self.size)
        side_h = side if side_h is None else side_h
        theta = torch.zeros(len(idx), 2, 3)
        theta[:, 0, 0] = side / s * flip
        theta[:, 0, 2] = (2 * x0 + side) / s - 1
        theta[:, 1, 1] = side_h / s
        theta[:, 1, 2] = (2 * y0 + side_h) / s - 1
        theta = theta.to(self.device)
        img = self.canvas[idx.to(self.canvas.device)].to(self.device, non_blocking=True).float() / 255.0
        grid = F.affine_grid(theta, [len(idx), 3, self.crop, self.crop], align_corners=False)
        rgb = F.grid_sample(img, grid, mode='bilinear', padding_mode='border', align_corners=False)
        return rgb.clamp(0, 1)

    def center(self, idx):
        h = self.hw[idx, 0].float()
        w = self.hw[idx, 1].float()
        side = torch.minimum(h, w)
        return self.crop_boxes(idx, (w - side) / 2, (h - side) / 2, side, torch.ones(len(idx)))
