#!/usr/bin/python3
"""Write a stand-in with DeOldify's contract and roughly its cost, for the whole-run benchmark: the
published DeOldify graphs cannot be downloaded here (Google Drive), and the bundled model is so cheap
that the benchmark's "everything but inference under 10 %" goal cannot be judged with it.

Contract of the `deoldify-artistic` card (instant-high export): input `input` [1,3,H,W] gray 0..255
replicated in three channels, output `output` [1,3,H,W] RGB 0..255. The body is a U-Net with a
torchvision ResNet-34 encoder (as DeOldify's generator) and a decoder of width 512-256-128-64 with
pixel-shuffle upsampling (resized to the skip's size, as
fastai does for odd sizes), seeded random weights. It is a cost proxy only: its colours are
meaningless and its operation count is of the same order as DeOldify's artistic generator
(ResNet-34 U-Net), not equal to it; the script prints the count.

    /usr/bin/python3 colorize-benchmarks/scripts/make_deoldify_proxy.py colorize-benchmarks/target/deoldify-proxy.onnx
    colorize-benchmarks/scripts/wholerun.sh --model colorize-benchmarks/target/deoldify-proxy.onnx \
        --card deoldify-artistic --render-factor 35
"""
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)


def conv(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(inplace=True))


class Up(nn.Module):
    """Pixel-shuffle ×2 of the deeper features, concatenated with the skip, two 3×3 convolutions."""

    def __init__(self, cin, cskip, cout):
        super().__init__()
        self.shuf = nn.Sequential(nn.Conv2d(cin, cout * 4, 1), nn.PixelShuffle(2), nn.ReLU(inplace=True))
        self.body = nn.Sequential(conv(cout + cskip, cout), conv(cout, cout))

    def forward(self, x, skip):
        # Like fastai's UnetBlock, match the skip's size (odd sizes at render factors such as 35).
        up = F.interpolate(self.shuf(x), size=skip.shape[2:], mode='nearest')
        return self.body(torch.cat([up, skip], 1))


class Proxy(nn.Module):
    def __init__(self):
        super().__init__()
        r = torchvision.models.resnet34(weights=None)
        self.stem = nn.Sequential(r.conv1, r.bn1, r.relu)  # /2, 64
        self.pool = r.maxpool
        self.l1, self.l2, self.l3, self.l4 = r.layer1, r.layer2, r.layer3, r.layer4  # /4 .. /32
        self.u4 = Up(512, 256, 512)
        self.u3 = Up(512, 128, 256)
        self.u2 = Up(256, 64, 128)
        self.u1 = Up(128, 64, 64)
        self.u0 = nn.Sequential(nn.Conv2d(64, 64 * 4, 1), nn.PixelShuffle(2), nn.ReLU(inplace=True))
        self.head = nn.Conv2d(64 + 3, 3, 3, padding=1)

    def forward(self, x):
        g = (x / 255.0 - MEAN) / STD
        s1 = self.stem(g)
        s2 = self.l1(self.pool(s1))
        s3 = self.l2(s2)
        s4 = self.l3(s3)
        s5 = self.l4(s4)
        y = self.u4(s5, s4)
        y = self.u3(y, s3)
        y = self.u2(y, s2)
        y = self.u1(y, s1)
        y = F.interpolate(self.u0(y), size=g.shape[2:], mode='nearest')
        y = self.head(torch.cat([y, g], 1))
        return torch.sigmoid(y) * 255.0


def macs(model, h, w):
    total = [0]

    def hook(m, _inp, out):
        total[0] += out.numel() * m.in_channels // m.groups * m.kernel_size[0] * m.kernel_size[1]

    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        model(torch.zeros(1, 3, h, w))
    for x in hs:
        x.remove()
    return total[0]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'target',
                                                              'deoldify-proxy.onnx')
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    torch.manual_seed(20261123)
    model = Proxy().eval()
    with torch.no_grad():
        torch.onnx.export(model, torch.rand(1, 3, 256, 256) * 255, out, opset_version=13,
                          input_names=['input'], output_names=['output'],
                          dynamic_axes={'input': {2: 'h', 3: 'w'}, 'output': {2: 'h', 3: 'w'}})
    print('wrote %s: %.1f GMAC at 560x560 (render factor 35)' % (out, macs(model, 560, 560) / 1e9))


if __name__ == '__main__':
    main()
