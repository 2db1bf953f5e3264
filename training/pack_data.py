#!/usr/bin/python3
"""Pack the training photos into one compact file that can travel to a GPU machine.

Each photo is prepared exactly as train.py prepares it (centre crop to aspect <= 4:3, short
side 128 px) and re-encoded as WebP (default quality 60), ~2.8 KB per photo: the 17,077
photos of ../shared/data/train become ~46 MiB. The pack keeps every photo and the
validation flag of the held-out split (common.is_val), so per-set balance is unchanged.

    /usr/bin/python3 training/pack_data.py --src ../shared/data/train --dst .train-pack

The pack is derived from the training photos: never commit it (it is git-ignored).
"""
import argparse
import io
import os
import time
from multiprocessing import Pool

from common import is_val, list_train_dir, prepare

QUALITY = 60


def encode(path):
    from PIL import Image
    with Image.open(path) as im:
        im = prepare(im.convert('RGB'))
    b = io.BytesIO()
    im.save(b, 'WEBP', quality=QUALITY, method=6)
    return b.getvalue()


def main():
    global QUALITY
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--src', default='../shared/data/train')
    ap.add_argument('--dst', default='.train-pack')
    ap.add_argument('--quality', type=int, default=QUALITY)
    ap.add_argument('--workers', type=int, default=2)
    a = ap.parse_args()
    QUALITY = a.quality
    files = list_train_dir(a.src)
    t0 = time.time()
    with Pool(a.workers) as pool:
        blobs = pool.map(encode, [p for _, _, p in files], chunksize=32)
    os.makedirs(a.dst, exist_ok=True)
    off = 0
    with open(os.path.join(a.dst, 'pack.bin'), 'wb') as fb, open(os.path.join(a.dst, 'index.tsv'), 'w') as fi:
        for (s, n, _), b in zip(files, blobs):
            fb.write(b)
            fi.write('%s\t%s\t%d\t%d\t%d\n' % (s, n, off, len(b), 1 if is_val(s, n) else 0))
            off += len(b)
    nval = sum(is_val(s, n) for s, n, _ in files)
    print('packed %d photos (%d validation) into %s: %.1f MiB in %.0f s'
          % (len(files), nval, a.dst, off / 2 ** 20, time.time() - t0))


if __name__ == '__main__':
    main()
