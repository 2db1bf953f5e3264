"""Color maths of the compact model, in torch: scikit-image compatible CIE Lab (D65, 2 degree
observer) both ways, and the quantised a*b* bins (ECCV16 style, grid 10 over the sRGB gamut) with
their soft encoding.

Only stable torch APIs are used, so that the same code runs on Debian's python3-torch (1.13) and on
newer torch (2.x) on a GPU machine.
"""
import torch

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
# Quantised a*b* (ECCV16 style: grid 10 over the sRGB gamut)
# ---------------------------------------------------------------------------
GRID = 10.0


def gamut_bins():
    """Centers (Q,2) of the grid-10 ab cells reached by sRGB colors (any L): 261 of them."""
    v = torch.linspace(0, 1, 64, dtype=torch.float64)
    r, g, b = torch.meshgrid(v, v, v, indexing='ij')
    rgb = torch.stack([r, g, b], 0).reshape(1, 3, -1, 1)
    lab = rgb_to_lab(rgb)[0, 1:, :, 0].T  # (K,2)
    q = torch.round(lab / GRID).long()
    uq = torch.unique(q, dim=0)
    return (uq.double() * GRID).float()  # sorted lexicographically (a, then b)


def soft_encode(ab, centers, k=5, sigma=5.0):
    """ab: [N,2,h,w] -> (soft targets [N,Q,h,w]: Gaussian weights over the k nearest bins, summing
    to 1; nearest bin index [N,h,w])."""
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
