"""What the network is trained against: targets from a batch of photos, the ECCV16 class-rebalancing
weights from a histogram of the training photos' a*b* bins, and the loss (rebalanced soft
cross-entropy over the bins plus a smooth-L1 regression of a*b*)."""
import torch
import torch.nn.functional as F

from .color import rgb_to_lab, soft_encode


def rebalance_weights(counts, centers, sigma=5.0, lam=0.5):
    """ECCV16 class rebalancing from bin counts (Q,): smooth, mix with uniform, invert.
    Returns (weights (Q,), with sum(prior * weights) = 1; smoothed prior (Q,))."""
    p = counts.double() / counts.sum()
    d2 = torch.cdist(centers.double(), centers.double()) ** 2
    k = torch.exp(-d2 / (2 * sigma ** 2))
    ps = k @ p
    ps = ps / ps.sum()
    w = 1.0 / ((1 - lam) * ps + lam / len(p))
    w = w / (ps * w).sum()
    return w.float(), ps.float()


def bin_counts(canvas, hw, centers, device, every=4, chunk=256):
    """Histogram of the quarter-resolution ab of every `every`-th training photo over the bins."""
    counts = torch.zeros(centers.shape[0], dtype=torch.float64, device=device)
    idx_all = torch.arange(0, canvas.shape[0], every)
    for i in range(0, len(idx_all), chunk):
        idx = idx_all[i:i + chunk]
        img = canvas[idx.to(canvas.device)].to(device).float() / 255.0
        ab = F.avg_pool2d(rgb_to_lab(img)[:, 1:], 4)
        n, _, hh, ww = ab.shape
        mask = torch.zeros(n, hh, ww, dtype=torch.bool, device=device)
        for j, k in enumerate(idx.tolist()):
            mask[j, :hw[k, 0] // 4, :hw[k, 1] // 4] = True
        p = ab.permute(0, 2, 3, 1)[mask]
        q = torch.cdist(p, centers).argmin(1)
        counts += torch.bincount(q, minlength=centers.shape[0]).double()
    return counts.cpu()


def targets(rgb, centers, weights):
    """rgb [N,3,H,W] in [0,1] -> (input l = L*/100 [N,1,H,W], ab at H/4 [N,2,H/4,W/4],
    soft bin targets [N,Q,H/4,W/4], per-pixel rebalancing weight [N,H/4,W/4])."""
    lab = rgb_to_lab(rgb)
    l = lab[:, :1] / 100.0
    ab = F.avg_pool2d(lab[:, 1:], 4)
    z, qi = soft_encode(ab, centers)
    return l, ab, z, weights[qi]


def training_loss(net, l, ab, z, wpix, amp, reg_weight):
    """(total, classification, regression, logits, regression output) for one batch; `amp` runs
    the network under bf16 autocast (CUDA only)."""
    if amp:
        with torch.autocast('cuda', dtype=torch.bfloat16):
            logits, reg = net(l)
    else:
        logits, reg = net(l)
    logp = F.log_softmax(logits.float(), dim=1)
    cls = (wpix * -(z * logp).sum(1)).mean()
    rl = F.smooth_l1_loss(reg.float() / 10.0, ab / 10.0)
    return cls + reg_weight * rl, cls, rl, logits.float(), reg.float()
