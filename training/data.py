"""Loading the training photos (folder of JPEGs or the compact pack) into memory."""
import io
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch

from common import CANVAS, is_val, list_train_dir, prepare

PACK_INDEX = 'index.tsv'
PACK_BLOB = 'pack.bin'


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
