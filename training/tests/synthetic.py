"""Small self-made test inputs (no photos from shared/data)."""


def gradient_rgb(w, h, seed=0):
    """An HxWx3 uint8 picture with smooth color gradients and a saturated block."""
    import numpy as np
    rng = np.random.RandomState(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    img = np.stack([255 * x / max(w - 1, 1), 255 * y / max(h - 1, 1), 128 + 60 * np.sin(x / 7.0 + seed)], -1)
    x0, y0 = rng.randint(0, max(1, w // 2)), rng.randint(0, max(1, h // 2))
    img[y0:y0 + h // 4, x0:x0 + w // 4] = (220, 30, 60)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


_BINS = []


def bins():
    """colorize_training.color.gamut_bins(), computed once per test run (it takes a second or two);
    callers must not modify it."""
    if not _BINS:
        from colorize_training.color import gamut_bins
        _BINS.append(gamut_bins())
    return _BINS[0]
