"""Shared code for the colorize compact model: colour space, ab quantisation,
network, decoding head, data listing and preparation.

Only stable torch APIs are used so that the same code runs on Debian's
python3-torch (1.13) and on newer torch (2.x) on a GPU machine.
"""
import hashlib
import io
import math
import os
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# ---------------------------------------------------------------------------
# Colour space: scikit-image compatible CIE Lab (D65, 2 degree observer)
# ---------------------------------------------------------------------------
XYZ_FROM_RGB = [[0.412453, 0.357580, 0.180423],
                [0.212671, 0.715160, 0.072169],
                [0.019334, 0.119193, 0.950227]]
WHITE_D65 = [0.95047, 1.0, 1.08883]


def rgb_to_lab(rgb):
    """rgb: [N,3,H,W] float in [0,1] -> Lab [N,3,H,W] (skimage.color.rgb2lab)."""
    dt, dev = rgb.dtype, rgb.device
    lin = torch.where(rgb > 0.04045, ((rgb + 0.055) / 1.055).clamp_min(0) ** 2.4, rgb / 12.92)
    m = torch.tensor(XYZ_FROM_RGB, dtype=dt, device=dev)
    w = torch.tensor(WHITE_D65, dtype=dt, device=dev).view(1, 3, 1, 1)
    xyz = torch.einsum('ij,njhw->nihw', m, lin) / w
    f = torch.where(xyz > 0.008856, xyz.clamp_min(1e-12) ** (1.0 / 3.0), 7.787 * xyz + 16.0 / 116.0)
    L = 116.0 * f[:, 1] - 16.0
    a = 500.0 * (f[:, 0] - f[:, 1])
    b = 200.0 * (f[:, 1] - f[:, 2])
    return torch.stack([L, a, b], dim=1)


def lab_to_rgb(lab):
    """lab: [N,3,H,W] -> rgb [N,3,H,W] in [0,1] (skimage.color.lab2rgb, incl. clipping)."""
    dt, dev = lab.dtype, lab.device
    L, a, b = lab[:, 0], lab[:, 1], lab[:, 2]
    y = (L + 16.0) / 116.0
    x = a / 500.0 + y
    z = (y - b / 200.0).clamp_min(0)
    f = torch.stack([x, y, z], dim=1)
    xyz = torch.where(f > 0.2068966, f ** 3, (f - 16.0 / 116.0) / 7.787)
    xyz = xyz * torch.tensor(WHITE_D65, dtype=dt, device=dev).view(1, 3, 1, 1)
    m = torch.linalg.inv(torch.tensor(XYZ_FROM_RGB, dtype=torch.float64)).to(dt).to(dev)
    lin = torch.einsum('ij,njhw->nihw', m, xyz)
    rgb = torch.where(lin > 0.0031308, 1.055 * lin.clamp_min(1e-12) ** (1 / 2.4) - 0.055, 12.92 * lin)
    return rgb.clamp(0, 1)


# ---------------------------------------------------------------------------
# ab quantisation (ECCV16 style: grid 10 over the sRGB gamut)
# ---------------------------------------------------------------------------
GRID = 10.0


def gamut_bins():
    """Centres (Q,2) of the grid-10 ab cells reached by sRGB colours (any L)."""
    v = torch.linspace(0, 1, 64, dtype=torch.float64)
    r, g, b = torch.meshgrid(v, v, v, indexing='ij')
    rgb = torch.stack([r, g, b], 0).reshape(1, 3, -1, 1)
    lab = rgb_to_lab(rgb)[0, 1:, :, 0].T  # (K,2)
    q = torch.round(lab / GRID).long()
    uq = torch.unique(q, dim=0)
    return (uq.double() * GRID).float()  # sorted lexicographically (a, then b)


def soft_encode(ab, centers, k=5, sigma=5.0):
    """ab: [N,2,h,w] -> (soft targets [N,Q,h,w], nearest index [N,h,w])."""
    n, _, h, w = ab.shape
    p = ab.permute(0, 2, 3, 1).reshape(-1, 2)
    d2 = torch.cdist(p, centers) ** 2  # (P,Q)
    dk, ik = torch.topk(d2, k, dim=1, largest=False)
    wk = torch.exp(-dk / (2 * sigma ** 2))
    wk = wk / wk.sum(1, keepdim=True)
    z = torch.zeros(p.shape[0], centers.shape[0], device=ab.device, dtype=ab.dtype)
    z.scatter_(1, ik, wk)
    z = z.view(n, h, w, -1).permute(0, 3, 1, 2)
    return z, ik[:, 0].view(n, h, w)


def rebalance_weights(counts, centers, sigma=5.0, lam=0.5):
    """ECCV16 class rebalancing from bin counts (Q,): smooth, mix with uniform, invert."""
    p = counts.double() / counts.sum()
    d2 = torch.cdist(centers.double(), centers.double()) ** 2
    k = torch.exp(-d2 / (2 * sigma ** 2))
    ps = k @ p
    ps = ps / ps.sum()
    w = 1.0 / ((1 - lam) * ps + lam / len(p))
    w = w / (ps * w).sum()
    return w.float(), ps.float()


# ---------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------
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
    import copy
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


# ---------------------------------------------------------------------------
# Data: listing, split, preparation
# ---------------------------------------------------------------------------
SHORT_SIDE = 128          # training images are normalised to this short side
MAX_ASPECT = 4.0 / 3.0    # and centre-cropped to at most this aspect ratio
CANVAS = 171              # ceil(128 * 4/3)


def list_train_dir(root):
    """[(set, filename, path)] for every JPEG of the training folder, sorted."""
    out = []
    for s in sorted(os.listdir(root)):
        d = os.path.join(root, s)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.lower().endswith(('.jpg', '.jpeg', '.png', '.webp')):
                out.append((s, f, os.path.join(d, f)))
    return out


def is_val(set_name, file_name, frac=0.03):
    """Deterministic held-out validation split (~3% of each set) by a hash of the name."""
    h = hashlib.sha1(('colorize-val|%s|%s' % (set_name, file_name)).encode()).hexdigest()
    return int(h[:8], 16) < frac * 0x100000000


def prepare(img):
    """PIL RGB image -> PIL RGB, centre-cropped to aspect <= 4:3, short side 128."""
    from PIL import Image
    w, h = img.size
    if w > h * MAX_ASPECT:
        nw = int(round(h * MAX_ASPECT))
        l = (w - nw) // 2
        img = img.crop((l, 0, l + nw, h))
    elif h > w * MAX_ASPECT:
        nh = int(round(w * MAX_ASPECT))
        t = (h - nh) // 2
        img = img.crop((0, t, w, t + nh))
    w, h = img.size
    s = SHORT_SIDE / min(w, h)
    if abs(s - 1) > 1e-6:
        img = img.resize((max(1, int(round(w * s))), max(1, int(round(h * s)))), Image.LANCZOS)
    return img


def working_size(h, w, rf):
    """Java-side working resolution: area ~ (16*rf)^2, aspect kept, sides multiples of 32."""
    s = 16.0 * rf / math.sqrt(h * w)
    return max(32, int(round(h * s / 32.0)) * 32), max(32, int(round(w * s / 32.0)) * 32)


def colourfulness(rgb8):
    """Hasler-Suesstrunk M, absolute-value variant (DDColor): rgb8 float array HxWx3 in 0..255."""
    r, g, b = rgb8[..., 0].astype(np.float64), rgb8[..., 1].astype(np.float64), rgb8[..., 2].astype(np.float64)
    rg = np.abs(r - g)
    yb = np.abs(0.5 * (r + g) - b)
    return math.sqrt(rg.std() ** 2 + yb.std() ** 2) + 0.3 * math.sqrt(rg.mean() ** 2 + yb.mean() ** 2)


def psnr8(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float('inf') if mse == 0 else 10 * math.log10(255.0 ** 2 / mse)
