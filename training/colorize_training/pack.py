"""Pack the training photos into one compact file that can travel to a GPU machine.

Each photo is prepared exactly as train.py prepares it (centre crop to aspect <= 4:3, short
side 128 px) and re-encoded as WebP (default quality 60), ~2.8 KB per photo: the 17,077
photos of ../shared/data/train become ~46 MiB. The pack keeps every photo and the
validation flag of the held-out split (data.is_val), so per-set balance is unchanged.

    /usr/bin/python3 training/pack_data.py --src ../shared/data/train --dst .train-pack

The pack is derived from the training photos: never commit it (it is git-ignored).
"""
import argparse
import functools
import os
import time
from multiprocessing import Pool

from .data import PACK_BLOB, PACK_INDEX, PACK_QUALITY, encode_webp, is_val, list_train_dir


def write_pack(files, blobs, dst):
    """Writes the pack (PACK_BLOB + PACK_INDEX) of [(set, name, path)] and their encoded bytes;
    returns the pack's size in bytes."""
    os.makedirs(dst, exist_ok=True)
    off = 0
    with open(os.path.join(dst, PACK_BLOB), 'wb') as fb, open(os.path.join(dst, PACK_INDEX), 'w') as fi:
        for (s, n, _), b in zip(files, blobs):
            fb.write(b)
            fi.write('%s\t%s\t%d\t%d\t%d\n' % (s, n, off, len(b), 1 if is_val(s, n) else 0))
            off += len(b)
    return off


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--src', default='../shared/data/train')
    ap.add_argument('--dst', default='.train-pack')
    ap.add_argument('--quality', type=int, default=PACK_QUALITY)
    ap.add_argument('--workers', type=int, default=2)
    a = ap.parse_args()
    files = list_train_dir(a.src)
    t0 = time.time()
    with Pool(a.workers) as pool:
        blobs = pool.map(functools.partial(encode_webp, quality=a.quality), [p for _, _, p in files], chunksize=32)
    size = write_pack(files, blobs, a.dst)
    nval = sum(is_val(s, n) for s, n, _ in files)
    print('packed %d photos (%d validation) into %s: %.1f MiB in %.0f s'
          % (len(files), nval, a.dst, size / 2 ** 20, time.time() - t0))


if __name__ == '__main__':
    main()
