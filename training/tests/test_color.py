"""color: the Lab round trip, agreement with scikit-image, and the quantised a*b* bins."""
import math
import unittest

try:
    import torch
except ImportError:  # .ci/run installs python3-torch; without it these tests skip
    torch = None

try:
    from skimage import color as skcolor
except ImportError:
    skcolor = None


def pixels(values, dtype=None):
    """[(r, g, b), ...] -> [1,3,K,1] tensor."""
    return torch.tensor(values, dtype=dtype or torch.float64).t().reshape(1, 3, -1, 1)


@unittest.skipIf(torch is None, 'torch is not installed')
class LabTest(unittest.TestCase):
    def setUp(self):
        from colorize_training import color
        self.color = color

    def test_primaries_have_scikit_images_lab(self):
        # scikit-image 0.19 rgb2lab of the sRGB primaries, white, black and mid gray, to 4 decimals
        expected = {(1, 0, 0): (53.2406, 80.0923, 67.2028), (0, 1, 0): (87.7351, -86.1830, 83.1797),
                    (0, 0, 1): (32.2957, 79.1856, -107.8573), (1, 1, 1): (100.0, -0.0025, 0.0047),
                    (0, 0, 0): (0.0, 0.0, 0.0), (0.5, 0.5, 0.5): (53.3890, -0.0015, 0.0028)}
        lab = self.color.rgb_to_lab(pixels(list(expected)))[0, :, :, 0].t()
        for got, want in zip(lab.tolist(), expected.values()):
            for g, w in zip(got, want):
                self.assertAlmostEqual(g, w, delta=1e-3)

    @unittest.skipIf(skcolor is None, 'scikit-image is not installed')
    def test_random_colors_match_scikit_image(self):
        g = torch.Generator().manual_seed(7)
        rgb = torch.rand(1, 3, 40, 30, generator=g, dtype=torch.float64)
        ours = self.color.rgb_to_lab(rgb)[0].permute(1, 2, 0).numpy()
        ref = skcolor.rgb2lab(rgb[0].permute(1, 2, 0).numpy())
        self.assertLess(abs(ours - ref).max(), 1e-6)
        back = self.color.lab_to_rgb(torch.from_numpy(ref).permute(2, 0, 1)[None])[0].permute(1, 2, 0).numpy()
        self.assertLess(abs(back - skcolor.lab2rgb(ref)).max(), 1e-6)

    def test_round_trip(self):
        g = torch.Generator().manual_seed(1)
        rgb = torch.rand(2, 3, 16, 16, generator=g, dtype=torch.float64)
        back = self.color.lab_to_rgb(self.color.rgb_to_lab(rgb))
        self.assertLess((back - rgb).abs().max().item(), 1e-6)
        rgb32 = rgb.float()
        back32 = self.color.lab_to_rgb(self.color.rgb_to_lab(rgb32))
        self.assertLess((back32 - rgb32).abs().max().item(), 1e-3)  # float32, as in training

    def test_out_of_gamut_lab_is_clipped(self):
        lab = torch.tensor([[50.0, 120.0, -120.0], [100.0, 0.0, 0.0], [5.0, -90.0, 90.0]]).t().reshape(1, 3, 3, 1)
        rgb = self.color.lab_to_rgb(lab)
        self.assertGreaterEqual(rgb.min().item(), 0.0)
        self.assertLessEqual(rgb.max().item(), 1.0)


@unittest.skipIf(torch is None, 'torch is not installed')
class BinsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from colorize_training import color
        cls.color = color
        cls.bins = color.gamut_bins()

    def test_261_grid_cells_sorted(self):
        self.assertEqual(tuple(self.bins.shape), (261, 2))
        self.assertTrue(torch.equal(self.bins, torch.round(self.bins / 10) * 10))
        keys = [tuple(x) for x in self.bins.tolist()]
        self.assertEqual(keys, sorted(keys))
        self.assertEqual(len(set(keys)), 261)
        self.assertIn((0.0, 0.0), keys)

    def test_every_srgb_color_falls_in_a_bin(self):
        g = torch.Generator().manual_seed(5)
        lab = self.color.rgb_to_lab(torch.rand(1, 3, 500, 1, generator=g, dtype=torch.float64))
        cells = {tuple(x) for x in (torch.round(lab[0, 1:, :, 0].t() / 10) * 10).tolist()}
        self.assertTrue(cells <= {tuple(x) for x in self.bins.tolist()})

    def test_soft_encoding_at_a_bin_center(self):
        # the 4 neighbours at distance 10 weigh exp(-100 / (2 * 5^2)) = e^-2 each against 1 for the centre
        ab = torch.zeros(1, 2, 1, 1)
        z, nearest = self.color.soft_encode(ab, self.bins)
        zero = [tuple(x) for x in self.bins.tolist()].index((0.0, 0.0))
        self.assertEqual(nearest.item(), zero)
        self.assertAlmostEqual(z[0, zero, 0, 0].item(), 1 / (1 + 4 * math.exp(-2)), places=5)  # 0.64879
        self.assertAlmostEqual(z.sum().item(), 1.0, places=5)
        self.assertEqual(int((z > 0).sum()), 5)

    def test_soft_encoding_picks_the_nearest_bin(self):
        ab = torch.tensor([[23.0, -41.0], [-6.0, 4.0]]).t().reshape(1, 2, 1, 2)
        _, nearest = self.color.soft_encode(ab, self.bins)
        self.assertEqual(self.bins[nearest[0, 0, 0]].tolist(), [20.0, -40.0])
        self.assertEqual(self.bins[nearest[0, 0, 1]].tolist(), [-10.0, 0.0])


if __name__ == '__main__':
    unittest.main()
