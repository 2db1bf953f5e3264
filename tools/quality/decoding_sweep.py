#!/usr/bin/python3
"""How the bundled model's in-graph decoding trades PSNR for colourfulness.

The shipped graph decodes its two heads as
    ab = scale * (alpha * annealedMean_T(logits) + (1 - alpha) * regression)
with the model card's constants (v2: T = 0.38, alpha = 0.3, scale = 1.15). This script runs the
network part of the TorchScript twin once per photo (same steps as torchscript_eval.py, which agrees
with `colorize eval` to 0.001 dB), keeps the logits and the regression output, and then re-decodes
them with other (T, alpha, scale) settings, so that each setting costs only the upsampling and Lab->sRGB
step. For every setting and set it prints the PSNR gain over the gray input, the mean colourfulness
and delta-colourfulness against the photos: the figures behind the "Decoding sweep" table in
RESULTS.md.

    /usr/bin/python3 -m tools.quality.decoding_sweep [val:../shared/data/train] ../shared/data/eval/{cbsd68,mcmaster,sun-hays80} \\
        --settings "0.38,0.3,1.15 0.3,1.0,1.3 0.38,0.3,1.15,0.38,0.5,3" [--rf 12] [--cache /tmp/decoding-sweep]

Each setting is T,alpha,scale, optionally followed by T2,gamma,rmax: the magnitude-restoring variant
(2026-11-23, a negative result in RESULTS.md) keeps each pixel's hue from the blend above but moves its
chroma magnitude towards the distribution's expected magnitude E_p[|ab|] at temperature T2:
    ab = blend * clamp(E_p[|ab|] / |blend|, 1, rmax) ** gamma
and a seventh value of 1 applies one such gain per photo, from the means over the photo.
A folder written as val:TRAIN_DIR means the held-out validation split of the training photos
(training/colorize_training/data.py is_val), the only split decoding constants may be chosen on. Network outputs are
cached per folder and render factor in --cache. Run it from the repository root.
"""
import argparse
import os
import pickle
import sys

if not __package__:  # run as a file: the training package is not importable
    sys.exit('run from the repository root as: python3 -m tools.quality.decoding_sweep ...')

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from PIL import Image  # noqa: E402
from skimage import color  # noqa: E402

from tools.quality.check_metrics import gray_of, load  # noqa: E402
from tools.quality.torchscript_eval import MODEL  # noqa: E402
from training.colorize_training.data import is_val, list_train_dir  # noqa: E402
from training.colorize_training.metrics import colorfulness, delta_colorfulness, psnr  # noqa: E402
from training.colorize_training.sizing import working_size  # noqa: E402


def photo_paths(folder):
    """The photos of a folder, or of the validation split for 'val:TRAIN_DIR'."""
    if folder.startswith('val:'):
        return [p for s, n, p in list_train_dir(folder[4:]) if is_val(s, n)]
    return [os.path.join(folder, n) for n in sorted(os.listdir(folder))
            if n.lower().endswith(('.jpg', '.jpeg', '.png'))]


def set_name(folder):
    return 'val' if folder.startswith('val:') else os.path.basename(os.path.normpath(folder))


def network_outputs(model, model_path, folder, rf, cache_dir):
    """Per photo: truth, full-size L*, gray PSNR, truth CF, logits (fp16) and regression at 1/4 size."""
    os.makedirs(cache_dir, exist_ok=True)
    path = os.path.join(cache_dir, '%s-%s-rf%d.pkl' % (set_name(folder), os.path.basename(model_path), rf))
    if os.path.exists(path):
        with open(path, 'rb') as f:
            return pickle.load(f)
    items = []
    for photo in photo_paths(folder):
        truth = load(photo)
        if colorfulness(truth) < 1.0:
            continue  # as colorize eval: no colour to compare with
        gray = gray_of(truth)
        h, w = gray.shape[:2]
        mh, mw = working_size(h, w, rf)
        small = np.asarray(Image.fromarray(gray).resize((mw, mh), Image.BILINEAR))
        x = torch.from_numpy((color.rgb2lab(small)[..., 0] / 100.0).astype(np.float32))[None, None]
        with torch.no_grad():
            logits, reg = model.net(x)
        items.append(dict(truth=truth, lightness=color.rgb2lab(gray)[..., 0].astype(np.float32),
                          gray_psnr=psnr(gray, truth), truth_cf=colorfulness(truth),
                          logits=logits.half(), reg=reg))
    with open(path, 'wb') as f:
        pickle.dump(items, f)
    return items


def decode(centers_w, logits, reg, t, alpha, scale, t2=None, gamma=0.0, rmax=1.0, per_photo=0.0):
    """The graph's decoding (training/colorize_training/network.py Colorizer.forward) with other constants, and
    optionally the magnitude-restoring variant (module docstring)."""
    logits = logits.float()
    blend = alpha * F.conv2d(torch.softmax(logits / t, dim=1), centers_w) + (1.0 - alpha) * reg
    if t2 is not None:
        magnitudes = centers_w.pow(2).sum(0, keepdim=True).sqrt()
        expected = F.conv2d(torch.softmax(logits / t2, dim=1), magnitudes)
        if per_photo:
            ratio = expected.mean() / blend.norm(dim=1).mean().clamp_min(1e-3)
        else:
            ratio = expected / blend.norm(dim=1, keepdim=True).clamp_min(1e-3)
        blend = blend * ratio.clamp(1.0, rmax) ** gamma
    return scale * blend


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
    sets = {set_name(f): network_outputs(model, a.model, f, a.rf, a.cache) for f in a.folders}
    print('setting | ' + ' | '.join('%s: gain dB, CF, dCF' % s for s in sets))
    for setting in a.settings.split():
        values = [float(v) for v in setting.split(',')]
        cells = []
        for items in sets.values():
            p, c = [], []
            for it in items:
                out = render(it['lightness'], decode(centers_w, it['logits'], it['reg'], *values))
                p.append(psnr(out, it['truth']))
                c.append(colorfulness(out))
            gain = np.mean(p) - np.mean([it['gray_psnr'] for it in items])
            cf = np.mean(c)
            cells.append('%+.2f %5.1f %5.1f' % (gain, cf, delta_colorfulness(cf, np.mean([it['truth_cf'] for it in items]))))
        print('%s | %s' % (setting, ' | '.join(cells)), flush=True)


if __name__ == '__main__':
    main()
