#!/usr/bin/env python3
"""Check the exported model files with other runtimes than the one that exported them.

    python3 training/check_runtime.py --testvec testvec.npz

Runs the ONNX file with onnxruntime (CPU provider) and the TorchScript file with whatever
torch is installed (e.g. torch 2.x on a GPU machine, as DJL's libtorch would), and compares
them with the test vector written by export.py (eager output of Debian's torch 1.13).
Also checks dynamic batch/height/width.
"""
import argparse
import os

import numpy as np

D = 'colorize-model/src/main/resources/io/github/colorize/model'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--testvec', required=True)
    ap.add_argument('--dir', default=D)
    ap.add_argument('--name', default='colorize-compact-v2')
    a = ap.parse_args()
    tv = np.load(a.testvec)
    x, ref = tv['l'], tv['ab']
    onnx_path = os.path.join(a.dir, a.name + '.onnx')
    ts_path = os.path.join(a.dir, a.name + '.torchscript.pt')
    ok = True
    try:
        import onnxruntime as ort
        s = ort.InferenceSession(onnx_path, providers=['CPUExecutionProvider'])
        print('onnxruntime', ort.__version__, 'inputs', [(i.name, i.shape, i.type) for i in s.get_inputs()],
              'outputs', [(o.name, o.shape, o.type) for o in s.get_outputs()])
        o = s.run(['ab'], {'l': x})[0]
        d = float(np.abs(o - ref).max())
        print('onnxruntime vs torch-1.13 eager: max |diff| %.3e (ab range %.1f..%.1f)' % (d, ref.min(), ref.max()))
        ok &= d < 1e-2
        for n, h, w in [(1, 32, 32), (3, 96, 128), (1, 512, 352)]:
            o = s.run(['ab'], {'l': np.random.rand(n, 1, h, w).astype(np.float32)})[0]
            print('  onnxruntime dynamic shape %s -> %s' % ((n, 1, h, w), o.shape))
            ok &= o.shape == (n, 2, h // 4, w // 4)
    except Exception as e:  # noqa: BLE001
        print('onnxruntime check FAILED:', repr(e))
        ok = False
    try:
        import torch
        m = torch.jit.load(ts_path, map_location='cpu')
        with torch.no_grad():
            o = m(torch.from_numpy(x)).numpy()
            d = float(np.abs(o - ref).max())
            print('torchscript on torch %s vs torch-1.13 eager: max |diff| %.3e' % (torch.__version__, d))
            ok &= d < 1e-2
            for n, h, w in [(1, 32, 32), (3, 96, 128), (1, 512, 352)]:
                o = m(torch.rand(n, 1, h, w))
                print('  torchscript dynamic shape %s -> %s' % ((n, 1, h, w), tuple(o.shape)))
                ok &= tuple(o.shape) == (n, 2, h // 4, w // 4)
    except Exception as e:  # noqa: BLE001
        print('torchscript check FAILED:', repr(e))
        ok = False
    print('RUNTIME CHECK', 'OK' if ok else 'FAILED')


if __name__ == '__main__':
    main()
