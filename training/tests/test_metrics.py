"""metrics and sizing against hand-computed values (NumPy only; the batched PSNR needs torch)."""
import math
import unittest

from colorize_training.sizing import working_size

try:
    import numpy as np
    from colorize_training.metrics import colorfulness, delta_colorfulness, psnr, psnr_batch
except ImportError:  # .ci/run installs python3-numpy; without it these tests skip
    np = None
try:
    import torch
except ImportError:  # .ci/run installs python3-torch; without it only the torch tests skip
    torch = None


@unittest.skipIf(np is None, 'NumPy is not installed')
class PsnrTest(unittest.TestCase):
    def test_known_mean_squared_errors(self):
        zeros = np.zeros((4, 5, 3), np.uint8)
        self.assertAlmostEqual(psnr(zeros, zeros + 1), 48.1308036086791, places=10)  # MSE 1: 20 log10 255
        self.assertAlmostEqual(psnr(zeros, zeros + 10), 28.130803608679106, places=10)  # MSE 100

    def test_identical_images_are_infinite(self):
        img = np.full((3, 3, 3), 77, np.uint8)
        self.assertEqual(psnr(img, img), float('inf'))

    def test_uint8_inputs_do_not_wrap_around(self):
        a = np.zeros((2, 2, 3), np.uint8)
        b = np.full((2, 2, 3), 255, np.uint8)
        self.assertAlmostEqual(psnr(a, b), 0.0, places=12)  # MSE 255^2, not (0 - 255) mod 256

    @unittest.skipIf(torch is None, 'torch is not installed')
    def test_batched_form_agrees_with_the_numpy_form(self):
        rng = np.random.RandomState(3)
        a = rng.randint(0, 256, (2, 6, 7, 3)).astype(np.uint8)
        b = rng.randint(0, 256, (2, 6, 7, 3)).astype(np.uint8)
        t = lambda x: torch.from_numpy(x).permute(0, 3, 1, 2).double()  # noqa: E731
        got = psnr_batch(t(a), t(b))
        for i in range(2):
            self.assertAlmostEqual(got[i].item(), psnr(a[i], b[i]), places=9)
        self.assertAlmostEqual(psnr_batch(t(a), t(a))[0].item(), 148.13080360867912, places=6)  # MSE floored at 1e-10


@unittest.skipIf(np is None, 'NumPy is not installed')
class ColorfulnessTest(unittest.TestCase):
    def test_gray_has_none(self):
        self.assertEqual(colorfulness(np.full((4, 4, 3), 90, np.uint8)), 0.0)

    def test_uniform_color_counts_only_the_mean_term(self):
        # rg = |200 - 100| = 100, yb = |150 - 50| = 100, no spread: 0.3 * sqrt(100^2 + 100^2)
        img = np.tile(np.array([200, 100, 50], np.uint8), (3, 5, 1))
        self.assertAlmostEqual(colorfulness(img), 42.42640687119285, places=10)

    def test_two_pixels_by_hand(self):
        # rg = (255, 0), yb = (127.5, 0): std = mean = (127.5, 63.75), so M = 1.3 * sqrt(127.5^2 + 63.75^2)
        img = np.array([[[255, 0, 0], [0, 0, 0]]], np.uint8)
        self.assertAlmostEqual(colorfulness(img), 185.31413363529506, places=10)

    def test_absolute_variant(self):
        # DDColor's variant takes |R - G|: swapping R and G does not change M
        img = np.array([[[10, 200, 30], [90, 40, 250]]], np.uint8)
        self.assertEqual(colorfulness(img), colorfulness(img[..., [1, 0, 2]]))

    def test_delta(self):
        self.assertEqual(delta_colorfulness(30.0, 42.5), 12.5)
        self.assertEqual(delta_colorfulness(np.float64(42.5), 30.0), 12.5)


class WorkingSizeTest(unittest.TestCase):
    # (w, h, rf, model w, model h): the table of colorize-api's SizeRuleTest, which the Java rule must match
    JAVA_TABLE = [(150, 97, 6, 128, 64), (61, 203, 5, 32, 160), (257, 255, 7, 128, 96),
                  (4000, 3000, 35, 640, 480), (3000, 4000, 21, 288, 384), (10, 5000, 7, 32, 2496),
                  (1, 1, 1, 32, 32)]

    def test_java_table(self):
        for w, h, rf, mw, mh in self.JAVA_TABLE:
            self.assertEqual(working_size(h, w, rf), (mh, mw), (w, h, rf))

    def test_square_photo_gets_the_render_factor_side(self):
        self.assertEqual(working_size(1000, 1000, 12), (192, 192))

    def test_halves_round_to_even(self):
        # 16 * 7 = 112 = 3.5 * 32 rounds to 4 * 32 = 128; 16 * 5 = 80 = 2.5 * 32 rounds to 2 * 32 = 64
        self.assertEqual(working_size(500, 500, 7), (128, 128))
        self.assertEqual(working_size(500, 500, 5), (64, 64))

    def test_area_and_aspect_are_kept(self):
        h, w = working_size(3000, 4000, 24)
        self.assertEqual((h % 32, w % 32), (0, 0))
        self.assertLess(abs(math.sqrt(h * w) - 16 * 24) / (16 * 24), 0.1)
        self.assertLess(abs(w / h - 4 / 3), 0.1)


if __name__ == '__main__':
    unittest.main()
