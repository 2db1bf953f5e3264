#!/usr/bin/python3
"""Write a stand-in for the bundled model, for the whole-run benchmark while the trained model has
not landed: the exact architecture of training/colorize_training/network.py (ColorNet + in-graph decoding, BatchNorm
folded, opset 13, input `l` [1,1,H,W], output `ab` [1,2,H/4,W/4]) with seeded random weights. Same
graph, same operators, same cost per pixel as the real model; only the colours are meaningless.

    /usr/bin/python3 colorize-benchmarks/scripts/make_proxy_model.py colorize-benchmarks/target/proxy.onnx
"""
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
# The one path bootstrap outside training/: this folder's name has a hyphen, so the script cannot
# run as a module (python3 -m) from the repository root; it puts training/ on the path instead.
sys.path.insert(0, os.path.join(HERE, '..', '..', 'training'))
from colorize_training.color import gamut_bins  # noqa: E402
from colorize_training.export import export_onnx  # noqa: E402
from colorize_training.network import ColorNet, Colorizer, count_macs, fuse_bn  # noqa: E402


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'target', 'proxy.onnx')
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    torch.manual_seed(20261122)
    centers = gamut_bins()
    net = ColorNet(centers.shape[0]).eval()
    model = Colorizer(fuse_bn(net).eval(), centers).eval()
    dummy = torch.rand(1, 1, 256, 256)
    with torch.no_grad():
        export_onnx(model, out, dummy)
    macs = count_macs(model.net)
    q = centers.shape[0]
    print('wrote %s: %d ab bins, %.2f GFLOPs per megapixel of model input (convolutions + decoding head)'
          % (out, q, 2 * (macs + 2 * q * 1024 * 1024 / 16) / (1024 * 1024 / 1e6) / 1e9))


if __name__ == '__main__':
    main()
