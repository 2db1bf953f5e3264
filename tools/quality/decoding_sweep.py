#!/usr/bin/python3
"""How the bundled model's in-graph decoding trades PSNR for colourfulness.

The shipped graph decodes its two heads as
    ab = scale * (alpha * annealedMean_T(logits) + (1 - alpha) * regression)
with T = 0.5, alpha = 0.4, scale = 1.15 (see the model card). This script runs the network part of
the TorchScript twin once per photo (same steps as torchscript_eval.py, which agrees with
`colorize eval` to 0.001 dB), keeps the logits and the regression output, and then re-decodes them
with other (T, alpha, scale) settings, so that each setting costs only the upsampling and Lab->sRGB
step. For every setting and set it prints the PSNR gain over the gray input, the mean colourfulness
and delta-colourfulness against the photos: the figures behind the "Decoding sweep" table in
RESULTS.md.

    /usr/bin/python3 tools/quality/decoding_sweep.py ../shared/data/eval/{cbsd68,mcmaster,sun-hays80} \\
        --settings "0.5,0.4,1.15 0.3,1.0,1.15" [--rf 12] [--cache /tmp/decoding-sweep]

Each setting is T,alpha,scale. Network outputs are cached per folder and render factor in --cache.
"""
import argparse
import math
import os
import pickle
import sys

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from skimage import color

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_metrics import colourfulness, gray_of, load, psnr  # noqa: E402
from torchscript_eval import MODEL, working_size  # noqa: E402


def network_outputs(model, folder, rf, cache_dir):
    """Per photo: truth, full-size L*, gray PSNR, truth CF, logits (fp16) and regression at 1/4 size."""
    os.makedirs(cache_dir, exist_ok=True)
    path = os.path.join(cache_dir, '%s-rf%d.pkl' % (os.path.basename(os.path.normpath(folder)), rf))
    if os.path.exists(path):
        with open(path, 'rb') as f:
            return pickle.load(f)
    items = []
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(('.jpg', '.jpeg', '.png')):
            continue
        truth = load(os.path.join(folder, name))
        if colourfulness(truth) < 1.0:
            continue  # as colorize eval: no colour to compare with
        gray = gray_of(truth)
        h, w = gray.shape[:2]
        mh, mw = working_size(h, w, rf)
        small = np.asarray(Image.fromarray(gray).resize((mw, mh), Image.BILINEAR))
        x = torch.from_numpy((color.rgb2lab(small)[..., 0] / 100.0).astype(np.float32))[None, None]
        with torch.no_grad():
            logits, reg = model.net(x)
        items.append(dict(truth=truth, lightness=color.rgb2lab(gray)[..., 0].astype(np.float32),
                          gray_psnr=psnr(gray, truth), truth_cf=colourfulness(truth),
                          logits=logits.half(), reg=reg))
    with open(path, 'wb') as f:
        pickle.dump(items, f)
    return items


def decode(centers_w, logits, reg, t, alpha, scale):
    """The graph's decoding (training/common.py Colorizer.forward) with other constants."""
    p = torch.softmax(logits.float() / t, dim=1)
    return scale * (alpha * F.conv2d(p, centers_w) + (1.0 - alpha) * reg)


def render(lightness, ab):
    h, w = lightness.shape
    ab = F.interpolate(ab, size=(h, w), mode='bilinear', align_corners=False)[0].numpy()
    lab = np.stack([lightness, ab[0], ab[1]], -1).astype(np.float64)
    return np.rint(np.clip(color.lab2rgb(lab), 0, 1) * 255).astype(np.uint8)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('folders', nargs='+')
    ap.add_argument('--settings', default='0.5,0.4,1.15')
    ap.add_argument('--rf', type=int, default=12)
    ap.add_argument('--cache', default='/tmp/decoding-sweep')
    ap.add_argument('--model', default=MODEL)
    a = ap.parse_args()
    torch.set_num_threads(1)
    model = torch.jit.load(a.model).eval()
    centers_w = model.centers_w.clone()
    sets = {os.path.basename(os.path.normpath(f)): network_outputs(model, f, a.rf, a.cache) for f in a.folders}
    print('T     alpha scale | ' + ' | '.join('%s: gain dB, CF, dCF' % s for s in sets))
    for setting in a.settings.split():
        t, alpha, scale = (float(v) for v in setting.split(','))
        cells = []
        for items in sets.values():
            p, c = [], []
            for it in items:
                out = render(it['lightness'], decode(centers_w, it['logits'], it['reg'], t, alpha, scale))
                p.append(psnr(out, it['truth']))
                c.append(colourfulness(out))
            gain = np.mean(p) - np.mean([it['gray_psnr'] for it in items])
            cf = np.mean(c)
            cells.append('%+.2f %5.1f %5.1f' % (gain, cf, abs(cf - np.mean([it['truth_cf'] for it in items]))))
        print('%-5g %-5g %-5g | %s' % (t, alpha, scale, ' | '.join(cells)), flush=True)


if __name__ == '__main__':
    main()
