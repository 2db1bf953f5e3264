"""The compact model's network and its in-graph decoding head, with BatchNorm folding and a MAC
count for the model card.

Only stable torch APIs are used, so that the same code runs on Debian's python3-torch (1.13) and on
newer torch (2.x) on a GPU machine.
"""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class CBR(nn.Sequential):
    def __init__(self, cin, cout, stride=1, k=3):
        super().__init__(nn.Conv2d(cin, cout, k, stride, k // 2, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Res(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c1 = CBR(c, c)
        self.c2 = nn.Sequential(nn.Conv2d(c, c, 3, 1, 1, bias=False), nn.BatchNorm2d(c))

    def forward(self, x):
        return F.relu(x + self.c2(self.c1(x)))


def up2(x):
    return F.interpolate(x, scale_factor=2.0, mode='nearest')


class ColorNet(nn.Module):
    """Fully convolutional U-Net-like encoder/decoder.

    in:  l   [N,1,H,W] = L*/100, H and W multiples of 32
    out: logits [N,Q,H/4,W/4] over quantised ab, reg [N,2,H/4,W/4] (ab units)
    """

    def __init__(self, q, widths=(24, 32, 64, 128, 128), dec=(128, 64, 64), blocks=(1, 1, 1, 1)):
        super().__init__()
        w2, w4, w8, w16, w32 = widths
        d16, d8, d4 = dec
        b4, b8, b16, b32 = blocks
        self.stem = nn.Sequential(CBR(1, w2, 2), CBR(w2, w4, 2))   # H/4
        # one block stays a bare Res so that the compact model's state_dict keys do not change
        self.e4 = Res(w4) if b4 == 1 else nn.Sequential(*[Res(w4) for _ in range(b4)])
        self.e8 = nn.Sequential(CBR(w4, w8, 2), *[Res(w8) for _ in range(b8)])        # H/8
        self.e16 = nn.Sequential(CBR(w8, w16, 2), *[Res(w16) for _ in range(b16)])    # H/16
        self.e32 = nn.Sequential(CBR(w16, w32, 2), *[Res(w32) for _ in range(b32)])   # H/32
        self.glob = nn.Sequential(nn.Conv2d(w32, w32, 1), nn.ReLU(inplace=True))
        self.p16 = nn.Conv2d(w32, d16, 1)
        self.s16 = nn.Conv2d(w16, d16, 1, bias=False)
        self.u16 = CBR(d16, d16)
        self.p8 = nn.Conv2d(d16, d8, 1)
        self.s8 = nn.Conv2d(w8, d8, 1, bias=False)
        self.u8 = CBR(d8, d8)
        self.p4 = nn.Conv2d(d8, d4, 1)
        self.s4 = nn.Conv2d(w4, d4, 1, bias=False)
        self.u4 = nn.Sequential(CBR(d4, d4), CBR(d4, d4))
        self.cls = nn.Conv2d(d4, q, 1)
        self.reg = nn.Conv2d(d4, 2, 1)

    def forward(self, l):
        x = (l - 0.5) * 2.0
        x4 = self.e4(self.stem(x))
        x8 = self.e8(x4)
        x16 = self.e16(x8)
        x32 = self.e32(x16)
        x32 = x32 + self.glob(x32.mean(dim=(2, 3), keepdim=True))
        y = self.u16(F.relu(up2(self.p16(x32)) + self.s16(x16)))
        y = self.u8(F.relu(up2(self.p8(y)) + self.s8(x8)))
        y = self.u4(F.relu(up2(self.p4(y)) + self.s4(x4)))
        return self.cls(y), self.reg(y) * 10.0


# Named architectures. 'compact' is the shipped network (v1 and v2). 'deep' spends its extra
# parameters at H/16 and H/32, where they cost little compute (the H/4 decoder dominates the MACs);
# trained as long, it was no better than 'compact' (training/README.md), so it is not shipped.
ARCHS = {
    'compact': dict(widths=(24, 32, 64, 128, 128), dec=(128, 64, 64), blocks=(1, 1, 1, 1)),
    'deep': dict(widths=(24, 32, 64, 128, 192), dec=(128, 96, 64), blocks=(1, 1, 2, 2)),
}


def build_net(q, arch='compact'):
    return ColorNet(q, **ARCHS[arch])


def load_net(ck, key='ema'):
    """The network stored under `key` of a checkpoint (eval mode); checkpoints written before
    --arch existed hold the compact network."""
    net = build_net(ck['centers'].shape[0], ck.get('arch', 'compact'))
    net.load_state_dict(ck[key])
    return net.eval()


class Colorizer(nn.Module):
    """Network + in-graph decoding: l [N,1,H,W] (L*/100) -> ab [N,2,H/4,W/4] (Lab units).

    ab = scale * (alpha * annealed_mean_T(logits) + (1 - alpha) * regression)
    """

    def __init__(self, net, centers, temperature=0.38, alpha=1.0, scale=1.0):
        super().__init__()
        self.net = net
        q = centers.shape[0]
        self.register_buffer('centers_w', centers.t().reshape(2, q, 1, 1).clone().float())
        self.inv_t = float(1.0 / temperature)
        self.alpha = float(alpha)
        self.scale = float(scale)

    def forward(self, l):
        logits, reg = self.net(l)
        p = torch.softmax(logits * self.inv_t, dim=1)
        am = F.conv2d(p, self.centers_w)
        ab = am * (self.alpha * self.scale) + reg * ((1.0 - self.alpha) * self.scale)
        return ab


def fuse_bn(model):
    """Return a copy of the network with every Conv2d+BatchNorm2d pair folded (eval use)."""
    m = copy.deepcopy(model).eval()

    def fuse_seq(seq):
        mods = list(seq._modules.items())
        i = 0
        while i < len(mods) - 1:
            (n1, a), (n2, b) = mods[i], mods[i + 1]
            if isinstance(a, nn.Conv2d) and isinstance(b, nn.BatchNorm2d):
                seq._modules[n1] = torch.nn.utils.fusion.fuse_conv_bn_eval(a, b)
                seq._modules[n2] = nn.Identity()
            i += 1

    for mod in m.modules():
        if isinstance(mod, nn.Sequential):
            fuse_seq(mod)
    return m


def count_macs(model, h=1024, w=1024):
    """MACs of all convolutions for one [1,1,h,w] input (plus the decode head)."""
    macs = [0]

    def hook(mod, inp, out):
        k = mod.weight.shape[1] * mod.weight.shape[2] * mod.weight.shape[3]
        macs[0] += out.numel() * k

    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        model(torch.zeros(1, 1, h, w))
    for x in hs:
        x.remove()
    return macs[0]
