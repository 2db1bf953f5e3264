"""Train the colorize compact colourisation model.

Documented command (CPU, this 2-core machine, from the repository root):

    /usr/bin/python3 training/train.py --profile cpu --data ../shared/data/train --out training/runs/cpu

GPU (what the shipped model used; the pack comes from training/pack_data.py):

    python3 training/train.py --profile gpu --data .train-pack --out training/runs/gpu --steps 20284

(the shipped v2 run used --time-budget 420 alone on one H100, which fixed the step count at 20284
from the measured rate; --arch deep selects the larger network compared in training/README.md;
--stop-after S ends an invocation early with a checkpoint, e.g. to fit a 10-minute job limit.)

Re-running the same command resumes from <out>/ckpt.pt. Logs: <out>/log.csv (training loss),
<out>/val.csv (validation metrics), <out>/best.pt (EMA weights with the lowest validation loss).
"""
import argparse
import csv
import json
import math
import os
import time

import torch
import torch.nn.functional as F

from .color import gamut_bins, lab_to_rgb
from .data import Augmenter, load_records, to_canvas
from .losses import bin_counts, rebalance_weights, targets, training_loss
from .metrics import colorfulness, psnr_batch
from .network import ARCHS, build_net

TRAINING_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROFILES = {
    # 2-core CPU: batch 32, 128 px crops; 10 epochs = 5,180 steps, sized to fit in 2.5 h (README.md)
    'cpu': dict(batch=32, lr=1e-3, epochs=10, crop=128, threads=2, workers=2, amp=False, wd=0.01,
                crop_min=0.67, aspect=1.0,
                val_every=500, ckpt_every=600.0, ema=0.999, ema_every=1),
    # one GPU: batch 256, bf16 autocast, step count fixed from a measured rate and --time-budget
    # (the shipped v2 model: 20,284 steps = 317 epochs; stronger crop/aspect augmentation and weight
    # decay than the cpu profile because ~185 epochs over 16.6k photos overfit without them)
    'gpu': dict(batch=256, lr=2e-3, epochs=0, crop=128, threads=8, workers=16, amp=True, wd=0.05,
                crop_min=0.45, aspect=1.333,
                val_every=1000, ckpt_every=120.0, ema=0.9995, ema_every=4),
}


def parse():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--profile', choices=sorted(PROFILES), default='cpu')
    ap.add_argument('--data', default='../shared/data/train')
    ap.add_argument('--out', default=None)
    ap.add_argument('--seed', type=int, default=1234)
    ap.add_argument('--epochs', type=float, default=None, help='total epochs (cpu profile)')
    ap.add_argument('--time-budget', type=float, default=None,
                    help='seconds of training in total (all resumed runs together); the step count is '
                         'fixed from the rate measured in the first run and stored in the checkpoint')
    ap.add_argument('--stop-after', type=float, default=None,
                    help='stop (with a checkpoint) after this many seconds of this invocation')
    ap.add_argument('--max-steps', type=int, default=None, help='stop after this step (smoke tests)')
    ap.add_argument('--subset', type=int, default=1, help='use every k-th photo only (smoke tests)')
    ap.add_argument('--batch', type=int, default=None)
    ap.add_argument('--lr', type=float, default=None)
    ap.add_argument('--threads', type=int, default=None)
    ap.add_argument('--device', default=None)
    ap.add_argument('--reg-weight', type=float, default=1.0)
    ap.add_argument('--arch', choices=sorted(ARCHS), default=None,
                    help='network (network.ARCHS); default compact, or the checkpoint\'s when resuming')
    ap.add_argument('--steps', type=int, default=None, help='total optimiser steps (overrides --epochs)')
    ap.add_argument('--wd', type=float, default=None, help='AdamW weight decay')
    ap.add_argument('--crop-min', type=float, default=None,
                    help='smallest crop side as a fraction of the short side (largest: 1.0)')
    ap.add_argument('--aspect', type=float, default=None,
                    help='crop aspect jitter: log-uniform in [1/a, a] (1 = square crops)')
    return ap.parse_args()


def evaluate_val(ema_net, aug, vidx, centers, weights, device, amp, reg_weight):
    """Validation on centre crops: losses and the decoded result for a few decode settings."""
    ema_net.eval()
    res = {'cls': 0.0, 'reg': 0.0}
    decs = {'am038': (0.38, 1.0), 'reg': (1.0, 0.0), 'mix05': (0.38, 0.5)}
    cw = centers.t().reshape(2, -1, 1, 1).to(device)
    acc = {k: [0.0, 0.0] for k in decs}
    acc['gray'] = [0.0, 0.0]
    cf_true = 0.0
    n = 0
    with torch.no_grad():
        for i in range(0, len(vidx), 128):
            idx = vidx[i:i + 128]
            rgb = aug.center(idx)
            l, ab, z, wpix = targets(rgb, centers, weights)
            _, cls, rl, logits, reg = training_loss(ema_net, l, ab, z, wpix, amp, reg_weight)
            b = len(idx)
            res['cls'] += cls.item() * b
            res['reg'] += rl.item() * b
            truth = (rgb * 255).round()
            outs = {'gray': torch.zeros_like(ab)}
            for k, (t, alpha) in decs.items():
                am = F.conv2d(torch.softmax(logits / t, 1), cw)
                outs[k] = alpha * am + (1 - alpha) * reg
            for k, abq in outs.items():
                abf = F.interpolate(abq, scale_factor=4.0, mode='bilinear', align_corners=False)
                pred = (lab_to_rgb(torch.cat([l * 100, abf], 1)) * 255).round()
                acc[k][0] += psnr_batch(pred, truth).sum().item()
                pn = pred.permute(0, 2, 3, 1).cpu().numpy()
                acc[k][1] += sum(colorfulness(x) for x in pn)
            tn = truth.permute(0, 2, 3, 1).cpu().numpy()
            cf_true += sum(colorfulness(x) for x in tn)
            n += b
    out = {'val_cls': res['cls'] / n, 'val_reg': res['reg'] / n, 'cf_truth': cf_true / n}
    for k, (p, c) in acc.items():
        out['psnr_' + k] = p / n
        out['cf_' + k] = c / n
    return out


def main():
    a = parse()
    cfg = dict(PROFILES[a.profile])
    for k in ('batch', 'lr', 'threads', 'wd', 'crop_min', 'aspect'):
        if getattr(a, k) is not None:
            cfg[k] = getattr(a, k)
    if a.epochs is not None:
        cfg['epochs'] = a.epochs
    out = a.out or os.path.join(TRAINING_DIR, 'runs', a.profile)
    os.makedirs(out, exist_ok=True)
    device = torch.device(a.device or ('cuda' if torch.cuda.is_available() else 'cpu'))
    amp = cfg['amp'] and device.type == 'cuda'
    torch.set_num_threads(cfg['threads'])
    torch.manual_seed(a.seed)
    if device.type == 'cuda':
        torch.backends.cudnn.benchmark = True
    t_start = time.time()

    # ---- data -------------------------------------------------------------------------
    recs = load_records(a.data, workers=cfg['workers'], every=a.subset)
    tr = [r for r in recs if not r[2]]
    va = [r for r in recs if r[2]]
    canvas, hw = to_canvas([r[3] for r in tr])
    vcanvas, vhw = to_canvas([r[3] for r in va])
    del recs
    if device.type == 'cuda':
        canvas, vcanvas = canvas.to(device), vcanvas.to(device)
    print('[data] %d train / %d validation photos from %s in %.1f s (torch %s, %s, %d threads)'
          % (len(tr), len(va), a.data, time.time() - t_start, torch.__version__, device,
             torch.get_num_threads()), flush=True)
    n = len(tr)
    bs = cfg['batch']
    spe = n // bs
    aug = Augmenter(canvas, hw, cfg['crop'], device, cfg['crop_min'], cfg['aspect'])
    vaug = Augmenter(vcanvas, vhw, cfg['crop'], device)
    vidx = torch.arange(len(va))

    # ---- model / state ----------------------------------------------------------------
    ck_path = os.path.join(out, 'ckpt.pt')
    ck = torch.load(ck_path, map_location='cpu') if os.path.exists(ck_path) else None
    if ck is not None:
        centers, weights, prior = ck['centers'], ck['weights'], ck['prior']
    else:
        centers = gamut_bins()
        counts = bin_counts(canvas, hw, centers.to(device), device)
        weights, prior = rebalance_weights(counts, centers)
    centers_d, weights_d = centers.to(device), weights.to(device)
    arch = ck.get('arch', 'compact') if ck is not None else (a.arch or 'compact')
    if a.arch is not None and a.arch != arch:
        raise SystemExit('--arch %s, but %s holds a %s network' % (a.arch, ck_path, arch))
    net = build_net(centers.shape[0], arch).to(device)
    ema = build_net(centers.shape[0], arch).to(device)
    opt = torch.optim.AdamW(net.parameters(), lr=cfg['lr'], weight_decay=cfg['wd'], betas=(0.9, 0.99))
    step, total_steps, best = 0, None, float('inf')
    if ck is not None:
        net.load_state_dict(ck['model'])
        ema.load_state_dict(ck['ema'])
        opt.load_state_dict(ck['opt'])
        step, total_steps, best = ck['step'], ck['total_steps'], ck['best']
        print('[resume] step %d of %s from %s' % (step, total_steps, ck_path), flush=True)
    else:
        ema.load_state_dict(net.state_dict())
        if a.steps is not None:
            total_steps = a.steps
        elif a.time_budget is None:
            total_steps = int(round(cfg['epochs'] * spe))
    if device.type == 'cuda':
        net = net.to(memory_format=torch.channels_last)
        ema = ema.to(memory_format=torch.channels_last)
    for p in ema.parameters():
        p.requires_grad_(False)
    nparams = sum(p.numel() for p in net.parameters())
    with open(os.path.join(out, 'config.json'), 'w') as f:
        json.dump(dict(cfg, profile=a.profile, seed=a.seed, data=a.data, n_train=n, n_val=len(va),
                       q=int(centers.shape[0]), arch=arch, params=nparams, torch=torch.__version__,
                       device=str(device), reg_weight=a.reg_weight), f, indent=1)

    def save(path_extra=None):
        osd = opt.state_dict()
        # optimizer moments in bfloat16 keep the checkpoint small enough to travel (~15 MB);
        # load_state_dict casts them back to float32
        osd['state'] = {k: {n: (t.to(torch.bfloat16) if torch.is_tensor(t) and t.numel() > 1 else t)
                            for n, t in st.items()} for k, st in osd['state'].items()}
        state = dict(model=net.state_dict(), ema=ema.state_dict(), opt=osd, step=step,
                     total_steps=total_steps, best=best, centers=centers, weights=weights,
                     prior=prior, profile=a.profile, seed=a.seed, arch=arch)
        torch.save(state, ck_path + '.tmp')
        os.replace(ck_path + '.tmp', ck_path)

    def lr_at(s):
        warm = min(500, max(1, total_steps // 20)) if total_steps else 500
        if s < warm:
            return cfg['lr'] * (s + 1) / warm
        if total_steps is None:
            return cfg['lr']
        t = min(1.0, (s - warm) / max(1, total_steps - warm))
        return cfg['lr'] * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * t)))

    logf = open(os.path.join(out, 'log.csv'), 'a', newline='')
    log = csv.writer(logf)
    if os.path.getsize(os.path.join(out, 'log.csv')) == 0:
        log.writerow(['step', 'epoch', 'lr', 'loss', 'cls', 'reg', 'img_per_s', 'elapsed_s'])
    valf = open(os.path.join(out, 'val.csv'), 'a', newline='')
    vlog = None

    ema_keys = [k for k, v in ema.state_dict().items() if v.dtype.is_floating_point]
    ema_sd, net_sd = ema.state_dict(), net.state_dict()
    d_ema = cfg['ema'] ** cfg['ema_every']

    t0 = time.time()
    t_ckpt = t0
    run_steps, t_rate, rate_from = 0, None, None
    sums = [0.0, 0.0, 0.0, 0]
    perm_epoch, perm = -1, None
    net.train()
    while True:
        if total_steps is not None and step >= total_steps:
            break
        if a.max_steps is not None and step >= a.max_steps:
            break
        if a.stop_after is not None and time.time() - t_start > a.stop_after:
            print('[stop] --stop-after reached', flush=True)
            break
        ep = step // spe
        if ep != perm_epoch:
            perm = torch.randperm(n, generator=torch.Generator().manual_seed(a.seed * 7919 + ep))
            perm_epoch = ep
        j = step % spe
        idx = perm[j * bs:(j + 1) * bs]
        gen = torch.Generator().manual_seed(a.seed * 1000003 + step)
        with torch.no_grad():
            rgb = aug(idx, gen)
            l, ab, z, wpix = targets(rgb, centers_d, weights_d)
            if device.type == 'cuda':
                l = l.contiguous(memory_format=torch.channels_last)
        for g in opt.param_groups:
            g['lr'] = lr_at(step)
        loss, cls, rl, _, _ = training_loss(net, l, ab, z, wpix, amp, a.reg_weight)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        step += 1
        run_steps += 1
        if step % cfg['ema_every'] == 0:
            with torch.no_grad():
                for k in ema_keys:
                    ema_sd[k].mul_(d_ema).add_(net_sd[k].detach(), alpha=1 - d_ema)
        sums[0] += loss.detach()
        sums[1] += cls.detach()
        sums[2] += rl.detach()
        sums[3] += 1
        # fix the step count from the measured rate (first run with --time-budget only)
        if total_steps is None and run_steps == 30:
            if device.type == 'cuda':
                torch.cuda.synchronize()
            t_rate, rate_from = time.time(), step
        if total_steps is None and t_rate is not None and step - rate_from == 200:
            if device.type == 'cuda':
                torch.cuda.synchronize()
            sps = 200 / (time.time() - t_rate)
            remaining = a.time_budget - (time.time() - t0)
            total_steps = int(step + 0.92 * sps * remaining)
            print('[budget] %.1f steps/s (%.0f img/s) -> total_steps = %d (%.1f epochs)'
                  % (sps, sps * bs, total_steps, total_steps / spe), flush=True)
        if step % 100 == 0 or step == total_steps:
            el = time.time() - t0
            k = sums[3]
            row = [step, '%.3f' % (step / spe), '%.3g' % lr_at(step - 1), '%.4f' % (float(sums[0]) / k),
                   '%.4f' % (float(sums[1]) / k), '%.4f' % (float(sums[2]) / k),
                   '%.1f' % (run_steps * bs / el), '%.0f' % el]
            log.writerow(row)
            logf.flush()
            print('step %s ep %s lr %s loss %s cls %s reg %s %s img/s %ss' % tuple(row), flush=True)
            sums = [0.0, 0.0, 0.0, 0]
        last = total_steps is not None and step >= total_steps
        if step % cfg['val_every'] == 0 or last:
            v = evaluate_val(ema, vaug, vidx, centers_d, weights_d, device, amp, a.reg_weight)
            v = dict(step=step, epoch=round(step / spe, 3), **{k: round(x, 4) for k, x in v.items()})
            if vlog is None:
                vlog = csv.DictWriter(valf, fieldnames=list(v))
                if os.path.getsize(os.path.join(out, 'val.csv')) == 0:
                    vlog.writeheader()
            vlog.writerow(v)
            valf.flush()
            print('[val] ' + ' '.join('%s=%s' % kv for kv in v.items()), flush=True)
            vl = v['val_cls'] + a.reg_weight * v['val_reg']
            if vl < best:
                best = vl
                torch.save(dict(ema=ema.state_dict(), step=step, val=v, centers=centers,
                                weights=weights, prior=prior, arch=arch), os.path.join(out, 'best.pt'))
            net.train()
        if time.time() - t_ckpt > cfg['ckpt_every']:
            save()
            t_ckpt = time.time()
    save()
    torch.save(dict(ema=ema.state_dict(), step=step, total_steps=total_steps, centers=centers,
                    weights=weights, prior=prior, arch=arch), os.path.join(out, 'final.pt'))
    print('[done] step %s/%s, this run %.0f s (%.1f img/s), total wall %.0f s'
          % (step, total_steps, time.time() - t0, run_steps * bs / max(1e-9, time.time() - t0),
             time.time() - t_start), flush=True)



if __name__ == '__main__':
    main()
