"""data, losses and pack: the data pipeline on a few synthetic pictures."""
import os
import shutil
import tempfile
import unittest

try:
    import numpy as np
    import torch
    from PIL import Image
except ImportError:  # .ci/run installs python3-torch and python3-pil; without them these tests skip
    torch = None

from synthetic import bins, gradient_rgb


@unittest.skipIf(torch is None, 'torch or Pillow is not installed')
class DataPipelineTest(unittest.TestCase):
    # name -> (width, height, expected prepared width, height): > 4:3 wide and tall are centre-cropped
    # to 4:3, then every picture is scaled to a 128 px short side
    PICTURES = {
        'set-a/tall.png': (150, 300, 128, 171),
        'set-a/wide.jpg': (400, 200, 171, 128),
        'set-b/small.webp': (64, 48, 171, 128),
        'set-b/square.jpeg': (128, 128, 128, 128),
    }

    @classmethod
    def setUpClass(cls):
        from colorize_training import data
        cls.data = data
        cls.root = tempfile.mkdtemp(prefix='colorize-data-test-')
        for i, (name, (w, h, _, _)) in enumerate(sorted(cls.PICTURES.items())):
            path = os.path.join(cls.root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            Image.fromarray(gradient_rgb(w, h, seed=i)).save(path, quality=95)
        with open(os.path.join(cls.root, 'set-b', 'SOURCE.txt'), 'w') as f:
            f.write('not a photo')
        with open(os.path.join(cls.root, 'README.txt'), 'w') as f:
            f.write('not a set')

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root)

    def test_listing_is_sorted_and_skips_non_photos(self):
        got = [(s, f) for s, f, _ in self.data.list_train_dir(self.root)]
        self.assertEqual(got, [tuple(n.split('/')) for n in sorted(self.PICTURES)])

    def test_prepare_crops_to_four_thirds_and_scales_to_128(self):
        for name, (w, h, pw, ph) in self.PICTURES.items():
            with Image.open(os.path.join(self.root, name)) as im:
                out = self.data.prepare(im.convert('RGB'))
            self.assertEqual(out.size, (pw, ph), name)

    def test_folder_records(self):
        recs = self.data.load_records(self.root, workers=1)
        self.assertEqual([(s, n) for s, n, _, _ in recs], [tuple(n.split('/')) for n in sorted(self.PICTURES)])
        for s, n, val, arr in recs:
            _, _, pw, ph = self.PICTURES[s + '/' + n]
            self.assertEqual(arr.shape, (ph, pw, 3))
            self.assertEqual(arr.dtype, np.uint8)
            self.assertEqual(val, self.data.is_val(s, n))

    def test_pack_round_trip(self):
        from colorize_training.pack import write_pack
        files = self.data.list_train_dir(self.root)
        dst = os.path.join(self.root, 'pack')
        try:
            size = write_pack(files, [self.data.encode_webp(p) for _, _, p in files], dst)
            self.assertEqual(size, os.path.getsize(os.path.join(dst, self.data.PACK_BLOB)))
            packed = self.data.load_records(dst, workers=1)
        finally:
            shutil.rmtree(dst)
        direct = self.data.load_records(self.root, workers=1)
        self.assertEqual([r[:3] for r in packed], [r[:3] for r in direct])
        for p, d in zip(packed, direct):
            self.assertEqual(p[3].shape, d[3].shape)
            # WebP q60 is lossy; a smooth picture comes back close
            self.assertLess(np.abs(p[3].astype(int) - d[3].astype(int)).mean(), 8, p[1])

    def test_validation_split_is_a_stable_three_percent(self):
        names = ['%05d.jpg' % i for i in range(20000)]
        flags = [self.data.is_val('some-set', n) for n in names]
        self.assertTrue(0.025 < sum(flags) / len(flags) < 0.035, sum(flags))
        self.assertEqual(flags, [self.data.is_val('some-set', n) for n in names])
        self.assertNotEqual(flags, [self.data.is_val('other-set', n) for n in names])

    def test_canvas_and_crops(self):
        red = np.tile(np.array([200, 30, 60], np.uint8), (128, 171, 1))
        canvas, hw = self.data.to_canvas([red, gradient_rgb(128, 171)])
        self.assertEqual(tuple(canvas.shape), (2, 3, self.data.CANVAS, self.data.CANVAS))
        self.assertEqual(hw.tolist(), [[128, 171], [171, 128]])
        self.assertEqual(canvas[0, :, 128:].sum().item(), 0)  # below the picture: zeros
        aug = self.data.Augmenter(canvas, hw, 64, torch.device('cpu'))
        center = aug.center(torch.tensor([0]))
        self.assertEqual(tuple(center.shape), (1, 3, 64, 64))
        expected = torch.tensor([200, 30, 60]).view(1, 3, 1, 1) / 255.0
        self.assertLess((center - expected).abs().max().item(), 1e-5)
        idx = torch.tensor([0, 1, 1])
        a = aug(idx, torch.Generator().manual_seed(9))
        b = aug(idx, torch.Generator().manual_seed(9))
        self.assertTrue(torch.equal(a, b))  # crops come from the generator only: resumable runs
        self.assertEqual(tuple(a.shape), (3, 3, 64, 64))
        self.assertGreaterEqual(a.min().item(), 0.0)
        self.assertLessEqual(a.max().item(), 1.0)


@unittest.skipIf(torch is None, 'torch is not installed')
class LossesTest(unittest.TestCase):
    def test_targets_and_loss_on_a_tiny_network(self):
        from colorize_training.losses import targets, training_loss
        from colorize_training.network import ColorNet
        torch.manual_seed(0)
        centers = bins()
        weights = torch.ones(centers.shape[0])
        rgb = torch.from_numpy(np.stack([gradient_rgb(64, 64, s) for s in range(2)])).permute(0, 3, 1, 2) / 255.0
        l, ab, z, wpix = targets(rgb, centers, weights)
        self.assertEqual(tuple(l.shape), (2, 1, 64, 64))
        self.assertEqual(tuple(ab.shape), (2, 2, 16, 16))
        self.assertEqual(tuple(z.shape), (2, 261, 16, 16))
        self.assertEqual(tuple(wpix.shape), (2, 16, 16))
        self.assertTrue(0 <= l.min().item() and l.max().item() <= 1.0)
        self.assertLess((z.sum(1) - 1).abs().max().item(), 1e-5)
        net = ColorNet(centers.shape[0], widths=(4, 4, 8, 8, 8), dec=(8, 8, 8))
        total, cls, reg, logits, out = training_loss(net, l, ab, z, wpix, False, 1.0)
        self.assertTrue(torch.isfinite(total).item())
        self.assertAlmostEqual(total.item(), cls.item() + reg.item(), places=5)
        self.assertEqual(tuple(logits.shape), (2, 261, 16, 16))
        total.backward()  # the loss is differentiable end to end
        self.assertIsNotNone(net.cls.weight.grad)

    def test_rebalancing_favors_rare_bins(self):
        from colorize_training.losses import rebalance_weights
        centers = bins()
        counts = torch.ones(centers.shape[0])
        zero = [tuple(x) for x in centers.tolist()].index((0.0, 0.0))
        counts[zero] = 1000.0  # gray dominates, as in photos
        w, prior = rebalance_weights(counts, centers)
        self.assertAlmostEqual((prior * w).sum().item(), 1.0, places=5)
        self.assertAlmostEqual(prior.sum().item(), 1.0, places=5)
        self.assertEqual(int(w.argmin()), zero)


if __name__ == '__main__':
    unittest.main()
