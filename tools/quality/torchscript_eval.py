#!/usr/bin/python3
"""Second opinion on the Java pipeline: the bundled model's TorchScript twin, run from Python.

Does for each photo what `colorize eval` does with the ONNX graph, but with PyTorch, Pillow and
scikit-image only: gray input = the photo's CIE L* (exact constants) as 8-bit gray; Pillow BILINEAR
down to the working size (area ~ (16*rf)^2, aspect kept, sides multiples of 32:
training/colorize_training/sizing.py); L*/100 of scikit-image Lab into the network; a*b* upsampled
bilinearly (align_corners=False) to full size and joined to the full-size L* of the gray input;
scikit-image Lab -> sRGB, rounded. Prints mean PSNR and colourfulness per render factor, to compare
with `colorize eval -r RF` on the same folder (the numbers should agree to a few hundredths: ONNX
Runtime and PyTorch differ in float rounding only).

    /usr/bin/python3 -m tools.quality.torchscript_eval DIR --rf 12,24 [--limit N]   # from the repository root
"""
import argparse
import os
import sys

if not __package__:  # run as a file: the training package is not importable
    sys.exit('run from the repository root as: python3 -m tools.quality.torchscript_eval ...')

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from PIL import Image  # noqa: E402
from skimage import color  # noqa: E402

from tools.quality.check_metrics import gray_of, load  # noqa: E402
from training.colorize_training.metrics import colorfulness, delta_colorfulness, psnr  # noqa: E402
from training.colorize_training.sizing import working_size  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, '..', '..', 'colorize-model', 'src', 'main', 'resources', 'io', 'github', 'colorize',
                     'model', 'colorize-compact-v2.torchscript.pt')


def colorize(net, gray8, rf):
    h, w = gray8.shape[:2]
    mh, mw = working_size(h, w, rf)
    small = np.asarray(Image.fromarray(gray8).resize((mw, mh), Image.BILINEAR))
    l_small = color.rgb2lab(small)[..., 0]
    x = torch.from_numpy((l_small / 100.0).astype(np.float32))[None, None]
    with torch.no_grad():
        ab = net(x)
        ab = F.interpolate(ab, size=(h, w), mode='bilinear', align_corners=False)[0].numpy()
    lab = color.rgb2lab(gray8)
    lab[..., 1] = ab[0]
    lab[..., 2] = ab[1]
    return np.rint(np.clip(color.lab2rgb(lab), 0, 1) * 255).astype(np.uint8)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dir')
    ap.add_argument('--rf', default='24')
    ap.add_argument('--limit', type=int, default=0)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--model', default=MODEL)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    net = torch.jit.load(a.model).eval()
    files = sorted(f for f in os.listdir(a.dir) if f.lower().endswith(('.jpg', '.jpeg', '.png')))
    if a.limit:
        files = files[:a.limit]
    rfs = [int(x) for x in a.rf.split(',')]
    res = {rf: ([], []) for rf in rfs}
    gray_p, truth_cf = [], []
    for name in files:
        truth = load(os.path.join(a.dir, name))
        if colorfulness(truth) < 1.0:
            continue  # as colorize eval: no colour to compare with
        gray = gray_of(truth)
        gray_p.append(psnr(gray, truth))
        truth_cf.append(colorfulness(truth))
        for rf in rfs:
            out = colorize(net, gray, rf)
            res[rf][0].append(psnr(out, truth))
            res[rf][1].append(colorfulness(out))
    tcf = float(np.mean(truth_cf))
    print('%s: %d photos, gray PSNR %.3f dB, truth CF %.2f' % (a.dir, len(gray_p), np.mean(gray_p), tcf))
    for rf in rfs:
        p, c = np.mean(res[rf][0]), np.mean(res[rf][1])
        print('  rf %-3d PSNR %.3f dB  CF %.2f  dCF %.2f' % (rf, p, c, delta_colorfulness(c, tcf)))


if __name__ == '__main__':
    main()
