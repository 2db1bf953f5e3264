#!/usr/bin/python3
"""Golden fixtures for the Java colour pipelines (io.github.colorize.internal.pipeline).

Each case runs the *reference Python pipeline* of one model family around a deterministic fake
model and stores the synthetic source photo, the model input tensor the reference built, and the
final image, so the Java pipeline can be compared stage by stage (see PipelineGoldenTest).

Each reference pipeline below follows its upstream code step by step (the comments name the steps):
  DeOldify   jantic/DeOldify deoldify/filters.py + fastai 1.0: Pillow BILINEAR to a 16*rf square,
             Pillow luma as 3 planes, /255 and ImageNet normalisation, de-normalise, clamp, *255
             truncated to uint8, Pillow BILINEAR back to the photo size, then OpenCV 8-bit YUV keeping
             the photo's Y. Contract 'bytes' is the instant-high/deoldify-onnx export's graph instead:
             gray RGB 0-255 in, RGB 0-255 out, clamped in the graph (the normalisation is inside it).
  DDColor    piddnad/DDColor ddcolor/pipeline.py: OpenCV float Lab, cv2.resize to a 16*rf square,
             gray RGB from L only, ab resized back with F.interpolate (nearest), joined to the
             photo's L, OpenCV Lab -> RGB, *255 rounded.
  ECCV16 / SIGGRAPH17  richzhang/colorization colorizers/util.py + demo_release.py: Pillow BICUBIC
             to 256x256, scikit-image L, ab bilinear back to the photo size, scikit-image lab2rgb,
             saved by plt.imsave.
  COLORIZE_CHROMA  the project's own model contract: training/colorize_training/sizing.py
             working_size, Pillow BILINEAR down, scikit-image Lab, ab bilinear up, lab2rgb rounded.

The fake models are fixed float32 functions of the input tensor, written so that every operation is
a single IEEE float32 multiply/add/subtract in a fixed order: the Java test (FakeModels.java)
evaluates the same expressions and must produce bit-identical outputs (checked via SHA-256).

Run from the repository root with Debian's Python (numpy, Pillow, OpenCV, scikit-image, torch,
matplotlib), as a module so that the training package imports:
    /usr/bin/python3 -m tools.golden.make_pipeline_golden
Output: colorize-api/src/test/resources/pipeline/<case>/ (deterministic; safe to re-run).
"""
import gzip
import hashlib
import io
import os
import shutil
import sys
import warnings

if not __package__:  # run as a file: the training package is not importable
    sys.exit('run from the repository root as: python3 -m tools.golden.make_pipeline_golden')

import cv2
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from PIL import Image  # noqa: E402
from skimage import color  # noqa: E402

from training.colorize_training.sizing import working_size  # noqa: E402

OUT = os.path.join('colorize-api', 'src', 'test', 'resources', 'pipeline')
f32 = np.float32

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


# ---------------------------------------------------------------------------------------------
# Synthetic photos (deterministic): smooth gradients, hard-edged shapes, fine stripes, grain.
# ---------------------------------------------------------------------------------------------
def synthetic(w, h, seed, kind):
    rng = np.random.RandomState(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    u, v = x / max(w - 1, 1), y / max(h - 1, 1)
    r = 40 + 170 * u + 30 * np.sin(6.0 * v + seed)
    g = 60 + 120 * v + 40 * np.cos(5.0 * u * v + seed)
    b = 200 - 150 * u * v
    img = np.stack([r, g, b], -1)
    for _ in range(4):  # saturated discs and boxes: sharp edges, out-of-gamut-prone colours
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        rad = rng.uniform(0.08, 0.3) * min(w, h)
        col = rng.choice([0, 40, 128, 215, 255], size=3)
        if rng.rand() < 0.5:
            m = (x - cx) ** 2 + (y - cy) ** 2 < rad ** 2
        else:
            m = (abs(x - cx) < rad) & (abs(y - cy) < 0.6 * rad)
        img[m] = col
    stripes = ((x.astype(int) // 2 + y.astype(int) // 3) % 2 == 0) & (v > 0.75)  # aliasing bait
    img[stripes] *= 0.55
    img += rng.normal(0, 4.0, size=img.shape) * (u[..., None] < 0.3)  # grain on the left
    img = np.clip(np.rint(img), 0, 255).astype(np.uint8)
    if kind == 'colour':
        return img
    gray = np.asarray(Image.fromarray(img).convert('L'))
    if kind == 'gray':
        return np.repeat(gray[..., None], 3, axis=-1)
    if kind == 'sepia':
        gf = gray.astype(np.float64)
        sep = np.stack([gf * 1.07 + 12, gf * 0.93 + 6, gf * 0.74], -1)
        return np.clip(np.rint(sep), 0, 255).astype(np.uint8)
    raise ValueError(kind)


# ---------------------------------------------------------------------------------------------
# The deterministic fake models (mirrored exactly in FakeModels.java).
# ripple(y, x) = (((7x + 13y) mod 23) - 11) / 8, exact in float32.
# ---------------------------------------------------------------------------------------------
def ripple(h, w):
    y, x = np.mgrid[0:h, 0:w]
    return ((((7 * x + 13 * y) % 23) - 11).astype(np.float32) / f32(8)).astype(np.float32)


def fake_deoldify_normalized(x):
    """[1,3,S,S] ImageNet-normalised gray -> [1,3,S,S] RGB in normalised space."""
    a, b, c = [1.1, 0.9, 0.7], [0.3, -0.1, -0.4], [0.15, -0.1, 0.2]
    r = ripple(x.shape[2], x.shape[3])
    out = np.empty_like(x)
    for k in range(3):
        out[0, k] = x[0, k] * f32(a[k]) + f32(b[k]) + f32(c[k]) * r
    return out


def fake_deoldify_bytes(x):
    """[1,3,S,S] gray 0-255 -> [1,3,S,S] RGB 0-255, clamped like the deoldify-onnx export wrapper."""
    a, b, c = [1.05, 0.93, 0.71], [18.5, -3.25, -27.75], [6.5, -4.25, 9.0]
    r = ripple(x.shape[2], x.shape[3])
    out = np.empty_like(x)
    for k in range(3):
        v = x[0, k] * f32(a[k]) + f32(b[k]) + f32(c[k]) * r
        out[0, k] = np.minimum(np.maximum(v, f32(0)), f32(255))
    return out


def fake_ddcolor(x):
    """[1,3,S,S] gray RGB in [0,1] -> [1,2,S,S] ab."""
    r = ripple(x.shape[2], x.shape[3])
    out = np.empty((1, 2) + x.shape[2:], np.float32)
    out[0, 0] = (x[0, 0] - f32(0.5)) * f32(64) + f32(9) * r
    out[0, 1] = (f32(0.45) - x[0, 2]) * f32(80) + f32(6) * r
    return out


def fake_richzhang(l, ab_hint=None, mask=None):
    """[1,1,256,256] L (0-100) [+ hints] -> [1,2,256,256] ab."""
    r = ripple(l.shape[2], l.shape[3])
    out = np.empty((1, 2) + l.shape[2:], np.float32)
    out[0, 0] = (l[0, 0] - f32(50)) * f32(0.9) + f32(10) * r
    out[0, 1] = (f32(60) - l[0, 0]) * f32(1.2) + f32(12) * r
    if ab_hint is not None:  # SIGGRAPH17: hints and mask must arrive as zeros in automatic mode
        out[0, 0] = out[0, 0] + ab_hint[0, 0] * f32(2) + mask[0, 0] * f32(3)
        out[0, 1] = out[0, 1] + ab_hint[0, 1] * f32(2) + mask[0, 0] * f32(3)
    return out


def fake_chroma(l):
    """[1,1,H,W] L/100 -> [1,2,H/4,W/4] ab from a 4x4 mean pool (fixed summation order)."""
    h, w = l.shape[2] // 4, l.shape[3] // 4
    s = np.zeros((h, w), np.float32)
    for dy in range(4):
        for dx in range(4):
            s = s + l[0, 0, dy::4, dx::4]
    m = s * f32(0.0625)
    r = ripple(h, w)
    out = np.empty((1, 2, h, w), np.float32)
    out[0, 0] = (m - f32(0.5)) * f32(70) + f32(8) * r
    out[0, 1] = (f32(0.55) - m) * f32(90) + f32(5) * r
    return out


# ---------------------------------------------------------------------------------------------
# Reference pipelines
# ---------------------------------------------------------------------------------------------
def deoldify(rgb, rf, contract):
    h, w = rgb.shape[:2]
    side = 16 * rf
    orig = Image.fromarray(rgb)
    sq = orig.resize((side, side), resample=Image.BILINEAR)        # _scale_to_square
    gray = np.asarray(sq.convert('LA').convert('RGB'))            # _transform
    x = torch.from_numpy(gray.transpose(2, 0, 1).astype(np.float32))
    if contract == 'normalised':
        x = x.div_(255)
        mean, std = torch.tensor(IMAGENET_MEAN), torch.tensor(IMAGENET_STD)
        x = (x - mean[..., None, None]) / std[..., None, None]    # fastai normalize
        x = x[None].numpy()
        out = torch.from_numpy(fake_deoldify_normalized(x))[0]
        out = out.float() * std[..., None, None] + mean[..., None, None]   # denormalize
        out = out.float().clamp(min=0, max=1)                      # ImageList.reconstruct
        raw = (out * 255).permute(1, 2, 0).numpy().astype(np.uint8)  # image2np(out*255)
    else:
        x = x[None].numpy()
        out = fake_deoldify_bytes(x)[0]
        raw = out.transpose(1, 2, 0).astype(np.uint8)
    # _post_process: _unsquare, then OpenCV YUV with the BGR codes jantic/DeOldify uses on RGB data
    colorized = np.asarray(Image.fromarray(raw).resize((w, h), resample=Image.BILINEAR))
    color_yuv = cv2.cvtColor(colorized, cv2.COLOR_BGR2YUV)
    orig_yuv = cv2.cvtColor(rgb, cv2.COLOR_BGR2YUV)
    hires = np.copy(orig_yuv)
    hires[:, :, 1:3] = color_yuv[:, :, 1:3]
    final = cv2.cvtColor(hires, cv2.COLOR_YUV2BGR)
    return x, colorized, final


def ddcolor(rgb, rf):
    h, w = rgb.shape[:2]
    s = 16 * rf
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    img = (bgr / 255.0).astype(np.float32)
    orig_l = cv2.cvtColor(img, cv2.COLOR_BGR2Lab)[:, :, :1]
    img_resized = cv2.resize(img, (s, s))
    img_l = cv2.cvtColor(img_resized, cv2.COLOR_BGR2Lab)[:, :, :1]
    img_gray_lab = np.concatenate((img_l, np.zeros_like(img_l), np.zeros_like(img_l)), axis=-1)
    img_gray_rgb = cv2.cvtColor(img_gray_lab, cv2.COLOR_LAB2RGB)
    x = torch.from_numpy(img_gray_rgb.transpose((2, 0, 1))).float().unsqueeze(0).numpy()
    output_ab = torch.from_numpy(fake_ddcolor(x))
    ab = F.interpolate(output_ab, size=(h, w))[0].float().numpy().transpose(1, 2, 0)
    output_lab = np.concatenate((orig_l, ab), axis=-1)
    output_bgr = cv2.cvtColor(output_lab, cv2.COLOR_LAB2BGR)
    out = (output_bgr * 255.0).round().astype(np.uint8)
    return x, np.ascontiguousarray(out[:, :, ::-1])


def imsave_bytes(rgb_float):
    """What demo_release.py's plt.imsave writes, read back as uint8 RGB."""
    buf = io.BytesIO()
    plt.imsave(buf, rgb_float, format='png')
    buf.seek(0)
    return np.asarray(Image.open(buf).convert('RGB'))


def richzhang(rgb, siggraph):
    rs = np.asarray(Image.fromarray(rgb).resize((256, 256), resample=3))
    tens_orig_l = torch.Tensor(color.rgb2lab(rgb)[:, :, 0])[None, None, :, :]
    tens_rs_l = torch.Tensor(color.rgb2lab(rs)[:, :, 0])[None, None, :, :]
    x = tens_rs_l.numpy()
    if siggraph:
        out_ab = fake_richzhang(x, np.zeros((1, 2, 256, 256), np.float32),
                                np.zeros((1, 1, 256, 256), np.float32))
    else:
        out_ab = fake_richzhang(x)
    out_ab = torch.from_numpy(out_ab)
    hw = tens_orig_l.shape[2:]
    if hw[0] != 256 or hw[1] != 256:
        out_ab = F.interpolate(out_ab, size=hw, mode='bilinear')
    lab = torch.cat((tens_orig_l, out_ab), dim=1).data.cpu().numpy()[0].transpose((1, 2, 0))
    return x, imsave_bytes(color.lab2rgb(lab))


def chroma(rgb, rf):
    h, w = rgb.shape[:2]
    mh, mw = working_size(h, w, rf)
    rs = np.asarray(Image.fromarray(rgb).resize((mw, mh), resample=Image.BILINEAR))
    l_in = (color.rgb2lab(rs)[:, :, 0] / 100.0).astype(np.float32)[None, None]
    ab = torch.from_numpy(fake_chroma(l_in))
    ab = F.interpolate(ab, size=(h, w), mode='bilinear', align_corners=False)[0].numpy()
    lab = np.concatenate([color.rgb2lab(rgb)[:, :, :1], ab.transpose(1, 2, 0).astype(np.float64)], -1)
    out = np.rint(color.lab2rgb(lab) * 255.0).astype(np.uint8)
    return l_in, out


# ---------------------------------------------------------------------------------------------
# Fixture writing
# ---------------------------------------------------------------------------------------------
def sha(a):
    return hashlib.sha256(np.ascontiguousarray(a, dtype='<f4').tobytes()).hexdigest()


def write_tensor(path, a):
    with open(path, 'wb') as raw:
        with gzip.GzipFile(fileobj=raw, mode='wb', mtime=0) as f:
            f.write(np.ascontiguousarray(a, dtype='<f4').tobytes())


def save_png(path, rgb):
    Image.fromarray(rgb).save(path, optimize=True)


def case(name, props, src, x, expected, fake_out, unmerged=None):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    save_png(os.path.join(d, 'source.png'), src)
    save_png(os.path.join(d, 'expected.png'), expected)
    write_tensor(os.path.join(d, 'input.f32.gz'), x)
    if unmerged is not None:  # DeOldify's post_process=False result: the model colour at photo size
        save_png(os.path.join(d, 'none.png'), unmerged)
    p = dict(props)
    p.update({'width': src.shape[1], 'height': src.shape[0],
              'inputShape': ','.join(str(n) for n in x.shape),
              'inputSha256': sha(x), 'fakeOutputSha256': sha(fake_out)})
    with open(os.path.join(d, 'case.properties'), 'w') as f:
        f.write('# generated by tools/golden/make_pipeline_golden.py; do not edit\n')
        for k in sorted(p):
            f.write('%s=%s\n' % (k, p[k]))
    return name


def main():
    # skimage warns when Z < 0 is clamped in lab2rgb; several cases do that on purpose
    warnings.filterwarnings('ignore', message='Color data out of range')
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    names = []
    for (kind, w, h, rf, contract, seed) in [
            ('gray', 181, 127, 7, 'normalised', 1),    # down on both axes
            ('colour', 53, 37, 7, 'normalised', 2),    # up on both axes
            ('sepia', 150, 71, 7, 'bytes', 3),         # down horizontally, up vertically
            ('colour', 97, 211, 9, 'bytes', 4)]:       # odd factor, up then down
        src = synthetic(w, h, seed, kind)
        x, colorized, final = deoldify(src, rf, contract)
        fo = fake_deoldify_normalized(x) if contract == 'normalised' else fake_deoldify_bytes(x)
        names.append(case('deoldify-%s-%s-%dx%d-rf%d' % (contract, kind, w, h, rf),
                          {'family': 'DEOLDIFY', 'contract': contract, 'renderFactor': rf,
                           'modelWidth': 16 * rf, 'modelHeight': 16 * rf},
                          src, x, final, fo, colorized))
    for (kind, w, h, rf, seed) in [('colour', 123, 77, 6, 5), ('gray', 45, 61, 4, 6),
                                   ('sepia', 200, 150, 6, 7)]:
        src = synthetic(w, h, seed, kind)
        x, final = ddcolor(src, rf)
        names.append(case('ddcolor-%s-%dx%d-rf%d' % (kind, w, h, rf),
                          {'family': 'DDCOLOR', 'contract': 'unit', 'renderFactor': rf,
                           'modelWidth': 16 * rf, 'modelHeight': 16 * rf},
                          src, x, final, fake_ddcolor(x)))
    for (fam, kind, w, h, seed) in [('ECCV16', 'gray', 300, 199, 8), ('ECCV16', 'colour', 97, 131, 9),
                                    ('SIGGRAPH17', 'sepia', 283, 89, 10)]:
        src = synthetic(w, h, seed, kind)
        sig = fam == 'SIGGRAPH17'
        x, final = richzhang(src, sig)
        z2, z1 = np.zeros((1, 2, 256, 256), np.float32), np.zeros((1, 1, 256, 256), np.float32)
        fo = fake_richzhang(x, z2, z1) if sig else fake_richzhang(x)
        names.append(case('%s-%s-%dx%d' % (fam.lower(), kind, w, h),
                          {'family': fam, 'contract': 'lab', 'renderFactor': 16,
                           'modelWidth': 256, 'modelHeight': 256},
                          src, x, final, fo))
    for (kind, w, h, rf, seed) in [('gray', 150, 97, 6, 11), ('colour', 61, 203, 5, 12),
                                   ('sepia', 257, 255, 7, 13)]:
        src = synthetic(w, h, seed, kind)
        x, final = chroma(src, rf)
        mh, mw = working_size(h, w, rf)
        names.append(case('chroma-%s-%dx%d-rf%d' % (kind, w, h, rf),
                          {'family': 'COLORIZE_CHROMA', 'contract': 'lab', 'renderFactor': rf,
                           'modelWidth': mw, 'modelHeight': mh},
                          src, x, final, fake_chroma(x)))
    with open(os.path.join(OUT, 'cases.txt'), 'w') as f:
        f.write('\n'.join(names) + '\n')
    print('\n'.join(names))


if __name__ == '__main__':
    sys.exit(main())
