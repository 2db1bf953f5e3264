"""Export a trained checkpoint to ONNX + TorchScript with the decoding inside the graph.

    /usr/bin/python3 training/export.py --ckpt training/runs/gpu/final.pt \\
        --temperature 0.38 --alpha 0.5 --scale 1.0 \\
        --dest colorize-model/src/main/resources/io/github/colorize/model

Contract: input `l` float32 [N,1,H,W] = L*/100 (H, W multiples of 32, dynamic N/H/W);
output `ab` float32 [N,2,H/4,W/4] in Lab a*/b* units (scikit-image Lab, D65).
BatchNorm is folded into the convolutions; ONNX opset 13 (exported with Debian's torch 1.13).
Checks: onnx.checker, onnxruntime if installed, TorchScript vs eager vs ONNX at several sizes. Writes a test vector <dest-free>/testvec.npz.
"""
import argparse
import hashlib
import json
import os

import numpy as np
import torch

from .network import Colorizer, count_macs, fuse_bn, load_net

NAME = 'colorize-compact-v2'
VERSION = '2.0.0'
OPSET = 13
TRAINING_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPORT_JSON = os.path.join(TRAINING_DIR, 'runs', 'export.json')


def load_colorizer(ckpt, temperature, alpha, scale, key='ema'):
    ck = torch.load(ckpt, map_location='cpu')
    centers = ck['centers']
    net = load_net(ck, key if key in ck else 'model')
    return Colorizer(fuse_bn(net).eval(), centers, temperature, alpha, scale).eval(), net, ck


def export_onnx(model, path, dummy):
    """The shipped ONNX form: opset 13, input `l`, output `ab`, dynamic N/H/W, constants folded."""
    torch.onnx.export(model, dummy, path, opset_version=OPSET, input_names=['l'], output_names=['ab'],
                      dynamic_axes={'l': {0: 'n', 2: 'h', 3: 'w'}, 'ab': {0: 'n', 2: 'h_4', 3: 'w_4'}},
                      do_constant_folding=True)


def export_torchscript(model, path, dummy):
    """The shipped TorchScript form (traced; the network has no data-dependent control flow)."""
    torch.jit.save(torch.jit.trace(model, dummy, check_trace=False), path)


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for b in iter(lambda: f.read(1 << 20), b''):
            h.update(b)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--ckpt', help='checkpoint to export (required unless --properties-only)')
    ap.add_argument('--key', default='ema')
    ap.add_argument('--temperature', type=float, default=0.38)
    ap.add_argument('--alpha', type=float, default=0.5)
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--dest', default='colorize-model/src/main/resources/io/github/colorize/model')
    ap.add_argument('--testvec', default=None, help='where to write an input/expected-output test vector (.npz)')
    ap.add_argument('--render-factor', type=int, default=12, help='recommended default render factor')
    ap.add_argument('--train-seconds', type=float, default=None,
                    help='wall time of the training run, for the card (the [done] line of its log)')
    ap.add_argument('--properties-only', action='store_true',
                    help='only (re)write the .properties card from runs/export.json and the current files')
    a = ap.parse_args()
    if a.properties_only:
        with open(EXPORT_JSON) as f:
            write_properties(a.dest, json.load(f), a.render_factor)
        return
    torch.set_num_threads(2)
    os.makedirs(a.dest, exist_ok=True)
    model, raw, ck = load_colorizer(a.ckpt, a.temperature, a.alpha, a.scale, a.key)
    onnx_path = os.path.join(a.dest, NAME + '.onnx')
    ts_path = os.path.join(a.dest, NAME + '.torchscript.pt')

    g = torch.Generator().manual_seed(0)
    # smooth pseudo-image input so that the comparison is not dominated by noise
    def sample(n, h, w):
        x = torch.rand(n, 1, h // 8, w // 8, generator=g)
        return torch.nn.functional.interpolate(x, size=(h, w), mode='bilinear', align_corners=False)

    with torch.no_grad():
        # eager (un-fused) vs fused
        x = sample(2, 160, 224)
        ref_raw = Colorizer(raw, ck['centers'], a.temperature, a.alpha, a.scale).eval()(x)
        ref = model(x)
        print('fused vs unfused BN max |diff| = %.2e' % (ref - ref_raw).abs().max().item())

        dummy = sample(1, 256, 256)
        export_onnx(model, onnx_path, dummy)
        export_torchscript(model, ts_path, dummy)
        ts = torch.jit.load(ts_path)

        import onnx
        m = onnx.load(onnx_path)
        onnx.checker.check_model(m, full_check=True)
        print('onnx opset', [(o.domain, o.version) for o in m.opset_import], 'ops',
              sorted({n.op_type for n in m.graph.node}))
        print('onnx input', m.graph.input[0], 'output', m.graph.output[0])
        try:
            import onnxruntime as ort
            sess = ort.InferenceSession(onnx_path, providers=['CPUExecutionProvider'])
        except ImportError:
            sess = None
            print('onnxruntime not installed here: run training/check_runtime.py where it is')

        worst = 0.0
        for (n, h, w) in [(1, 256, 256), (2, 160, 224), (1, 96, 320), (1, 480, 320)]:
            x = sample(n, h, w)
            e = model(x)
            assert e.shape == (n, 2, h // 4, w // 4), e.shape
            t = ts(x)
            d_ts = (t - e).abs().max().item()
            msg = 'size %dx%dx%d: ab range [%.1f, %.1f]  torchscript %.2e' % (n, h, w, e.min(), e.max(), d_ts)
            worst = max(worst, d_ts)
            if sess is not None:
                o = sess.run(['ab'], {'l': x.numpy()})[0]
                d = np.abs(o - e.numpy()).max()
                msg += '  onnxruntime %.2e' % d
                worst = max(worst, d)
            print(msg)
        assert worst < 1e-2, worst

        if a.testvec:
            x = sample(2, 160, 224)
            np.savez(a.testvec, l=x.numpy(), ab=model(x).numpy())

    macs = count_macs(model.net)
    # decode head: softmax over Q bins and the 2xQ expectation at H/4 x W/4
    q = ck['centers'].shape[0]
    head = 2 * q * 1024 * 1024 / 16
    mp = 1024 * 1024 / 1e6  # counted on a 1024x1024 input; reported per 10^6 input pixels
    info = dict(params=sum(p.numel() for p in raw.parameters()),
                params_exported=sum(p.numel() for p in model.net.parameters()),
                gmacs_per_mp=round((macs + head) / mp / 1e9, 3),
                gflops_per_mp=round(2 * (macs + head) / mp / 1e9, 3),
                onnx_bytes=os.path.getsize(onnx_path), ts_bytes=os.path.getsize(ts_path),
                onnx_sha256=sha256(onnx_path), ts_sha256=sha256(ts_path), opset=OPSET, q=q,
                temperature=a.temperature, alpha=a.alpha, scale=a.scale, torch=torch.__version__,
                ckpt=os.path.abspath(a.ckpt), step=int(ck.get('step', -1)), arch=ck.get('arch', 'compact'),
                train_seconds=a.train_seconds)
    # training/runs/ is git-ignored, so a fresh checkout does not have it
    os.makedirs(os.path.dirname(EXPORT_JSON), exist_ok=True)
    with open(EXPORT_JSON, 'w') as f:
        json.dump(info, f, indent=1)
    print(json.dumps(info, indent=1))
    write_properties(a.dest, info, a.render_factor)


def write_properties(dest, info, rf):
    onnx_path = os.path.join(dest, NAME + '.onnx')
    ts_path = os.path.join(dest, NAME + '.torchscript.pt')
    card = os.path.join(dest, 'MODEL_CARD.md')
    assert sha256(onnx_path) == info['onnx_sha256'] and sha256(ts_path) == info['ts_sha256'], \
        'model files changed since export.json was written'
    # keys read by the Java side (BundledCard / BundledModel): name, version, license, onnx.file,
    # onnx.sha256, torchscript.file, torchscript.sha256, input, output, inputMultiple, outputScale,
    # defaultRenderFactor, description; the others are informative.
    props = [
        ('name', NAME), ('version', VERSION),
        ('description', 'colorize compact chroma model: %.2f M-parameter U-Net trained in this project on '
                        '16.6k photos; predicts ab at 1/4 of the input, decoded in-graph (annealed mean + '
                        'regression)' % (info['params'] / 1e6)),
        ('license', 'research/non-commercial use only (weights trained on research-use photo collections; '
                    'see MODEL_CARD.md)'),
        ('onnx.file', NAME + '.onnx'), ('onnx.sha256', info['onnx_sha256']), ('onnx.bytes', info['onnx_bytes']),
        ('onnx.opset', info['opset']),
        ('torchscript.file', NAME + '.torchscript.pt'), ('torchscript.sha256', info['ts_sha256']),
        ('torchscript.bytes', info['ts_bytes']),
        ('modelCard.file', 'MODEL_CARD.md'),
        ('modelCard.sha256', sha256(card) if os.path.exists(card) else ''),
        ('input', 'l'), ('output', 'ab'),
        ('inputShape', 'N,1,H,W'), ('outputShape', 'N,2,H/4,W/4'), ('dtype', 'float32'),
        ('inputMultiple', 32), ('outputScale', 4),
        ('inputScale', '0.01'), ('inputDescription', 'CIE L* / 100, in [0,1]'),
        ('outputUnits', 'lab-ab'), ('outputDescription', 'CIE a*, b* in Lab units (not normalised), decoded in-graph'),
        ('colorSpace', 'lab-skimage'), ('whitePoint', 'D65'),
        ('defaultRenderFactor', rf),
        ('workingResolution', 'area ~ (16*rf)^2 keeping aspect, each side rounded to a multiple of 32'),
        ('upsampling', 'bilinear ab to full size, times chroma strength, recombined with the full-resolution L*'),
        ('parameters', info['params']), ('parametersBnFolded', info['params_exported']),
        ('gflopsPerMegapixel', info['gflops_per_mp']), ('gmacsPerMegapixel', info['gmacs_per_mp']),
        ('decoding', 'ab = %g * (%g * annealedMean(T=%g) + %g * regression)'
         % (info['scale'], info['alpha'], info['temperature'], 1 - info['alpha'])),
        ('decoding.temperature', info['temperature']), ('decoding.alpha', info['alpha']),
        ('decoding.scale', info['scale']), ('decoding.abBins', info['q']),
        ('trainingData', '17,077 colour photos in 14 public sets (ImageNet/Imagenette samples, BSDS300+T91, '
                         'CamVid (CC BY-NC), CCP street fashion, CC0 clothing, faces, flowers, houses, '
                         'Intel scenes, ShanghaiTech crowds, weather); 489 held out for validation; '
                         'research use'),
        ('trainingCommand', 'python3 training/train.py --profile gpu --data .train-pack --steps %d' % info['step']),
        ('trainedWith', 'torch 2.11.0+cu130 on one NVIDIA H100 (%s); exported with torch %s'
         % ('%.0f s' % info['train_seconds'] if info.get('train_seconds') else 'time not recorded', info['torch'])),
    ]
    path = os.path.join(dest, NAME + '.properties')
    with open(path, 'w') as f:
        f.write('# colorize compact colourisation model: machine-readable model card (see MODEL_CARD.md)\n')
        for k, v in props:
            v = str(v).replace('\\', '\\\\').replace(':', '\\:').replace('=', '\\=')
            f.write('%s=%s\n' % (k, v))
    print('wrote', path)


if __name__ == '__main__':
    main()
