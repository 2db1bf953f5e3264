"""Python-side evaluation that mirrors the Java pipeline, for tuning and reporting.

For each photo: Lab (scikit-image formula) of the 8-bit ground truth; the gray input is its L*;
L* is resized (bilinear, antialiased) to the working size (area ~ (16*rf)^2, aspect kept, sides
multiples of 32); the network predicts ab at a quarter of that; ab is upsampled bilinearly to the
full size, multiplied by the chroma strength (1.0), recombined with the full-resolution L* and
converted to 8-bit sRGB. Metrics at full size: PSNR (8-bit RGB, per image, averaged), mean
colourfulness (Hasler-Suesstrunk, absolute-value variant as in DDColor), delta-colourfulness.

    # tune on the held-out validation split of the training photos
    /usr/bin/python3 training/evaluate.py --ckpt training/runs/gpu/final.pt --sets val \
        --rf 8,10,12,14 --temperature 0.38 --alpha 0,0.5,1 --scale 1
    # report on the evaluation sets (never used for tuning)
    /usr/bin/python3 training/evaluate.py --ckpt ... --sets cbsd68,mcmaster,sun-hays80 --rf 12 \
        --temperature T --alpha A --scale S
    # or evaluate the exported ONNX file itself (needs onnxruntime)
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from .color import lab_to_rgb, rgb_to_lab
from .data import is_val, list_train_dir
from .metrics import colorfulness, delta_colorfulness, psnr
from .network import fuse_bn, load_net
from .sizing import working_size

TRAINING_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(TRAINING_DIR, '..', '..', 'shared', 'data'))


def photos(set_name, root):
    if set_name == 'val':
        return [p for s, n, p in list_train_dir(os.path.join(root, 'train')) if is_val(s, n)]
    d = os.path.join(root, 'eval', set_name)
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.lower().endswith(('.jpg', '.jpeg', '.png')))


def floats(s):
    return [float(x) for x in str(s).split(',')]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--ckpt', help='checkpoint (EMA weights are used)')
    ap.add_argument('--onnx', help='evaluate an exported ONNX file instead (decoding inside)')
    ap.add_argument('--key', default='ema')
    ap.add_argument('--data', default=SHARED)
    ap.add_argument('--sets', default='val')
    ap.add_argument('--rf', default='12')
    ap.add_argument('--temperature', default='0.38')
    ap.add_argument('--alpha', default='0.5')
    ap.add_argument('--scale', default='1.0')
    ap.add_argument('--limit', type=int, default=0, help='use at most this many photos per set')
    ap.add_argument('--json', default=None, help='write all results here')
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.onnx:
        import onnxruntime as ort
        sess = ort.InferenceSession(a.onnx, providers=['CPUExecutionProvider'])
        decodes = [('onnx', None, None, None)]
    else:
        ck = torch.load(a.ckpt, map_location='cpu')
        centers = ck['centers']
        net = fuse_bn(load_net(ck, a.key)).eval()
        cw = centers.t().reshape(2, -1, 1, 1).float()
        decodes = []
        for s in floats(a.scale):
            for al in floats(a.alpha):
                for t in (floats(a.temperature) if al > 0 else [1.0]):
                    decodes.append(('T%.2f_a%.2f_s%.2f' % (t, al, s), t, al, s))
    rfs = floats(a.rf)
    results = {}
    for set_name in a.sets.split(','):
        files = photos(set_name, a.data)
        if a.limit:
            files = files[:a.limit]
        t0 = time.time()
        acc = {}
        gray_p, gray_cf, true_cf = [], [], []
        from PIL import Image
        for path in files:
            with Image.open(path) as im:
                rgb8 = np.asarray(im.convert('RGB'))
            H, W = rgb8.shape[:2]
            x = torch.from_numpy(rgb8.astype(np.float32) / 255.0).permute(2, 0, 1)[None]
            lab = rgb_to_lab(x)
            L = lab[:, :1]
            gray = (lab_to_rgb(torch.cat([L, torch.zeros_like(lab[:, 1:])], 1))[0].permute(1, 2, 0).numpy()
                    * 255).round().astype(np.uint8)
            gray_p.append(psnr(gray, rgb8))
            gray_cf.append(colorfulness(gray))
            true_cf.append(colorfulness(rgb8))
            for rf in rfs:
                h, w = working_size(H, W, rf)
                l = F.interpolate(L / 100.0, size=(h, w), mode='bilinear', align_corners=False,
                                  antialias=(h < H or w < W)).clamp(0, 1)
                with torch.no_grad():
                    if a.onnx:
                        outs = {'onnx': torch.from_numpy(sess.run(['ab'], {'l': l.numpy()})[0])}
                    else:
                        logits, reg = net(l)
                        outs = {}
                        for name, t, al, s in decodes:
                            am = F.conv2d(torch.softmax(logits / t, 1), cw) if al > 0 else 0.0
                            outs[name] = s * (al * am + (1 - al) * reg)
                    for name, ab in outs.items():
                        abf = F.interpolate(ab, size=(H, W), mode='bilinear', align_corners=False)
                        out = (lab_to_rgb(torch.cat([L, abf], 1))[0].permute(1, 2, 0).numpy() * 255
                               ).round().astype(np.uint8)
                        r = acc.setdefault((rf, name), [[], []])
                        r[0].append(psnr(out, rgb8))
                        r[1].append(colorfulness(out))
        tcf = float(np.mean(true_cf))
        res = {'n': len(files), 'gray_psnr': float(np.mean(gray_p)), 'gray_cf': float(np.mean(gray_cf)),
               'truth_cf': tcf, 'runs': {}}
        print('== %s: %d photos, gray PSNR %.3f dB, truth CF %.2f (%.0f s)'
              % (set_name, len(files), res['gray_psnr'], tcf, time.time() - t0), flush=True)
        for (rf, name), (p, c) in sorted(acc.items()):
            m = {'rf': rf, 'decode': name, 'psnr': float(np.mean(p)), 'gain': float(np.mean(p)) - res['gray_psnr'],
                 'cf': float(np.mean(c)), 'dcf': delta_colorfulness(np.mean(c), tcf)}
            res['runs']['rf%g_%s' % (rf, name)] = m
            print('  rf %-4g %-22s PSNR %.3f (%+.3f vs gray)  CF %.2f  dCF %.2f'
                  % (rf, name, m['psnr'], m['gain'], m['cf'], m['dcf']), flush=True)
        results[set_name] = res
    if a.json:
        with open(a.json, 'w') as f:
            json.dump(results, f, indent=1)



if __name__ == '__main__':
    main()
