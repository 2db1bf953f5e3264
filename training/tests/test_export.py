"""network + export: a tiny, randomly initialised network exported to ONNX and TorchScript gives the
module's output; BatchNorm folding keeps it; export.py's whole run works on a fresh checkout."""
import json
import os
import shutil
import sys
import tempfile
import unittest
from unittest import mock

from synthetic import bins

try:
    import numpy as np
    import onnx
    import torch
except ImportError:  # .ci/run installs python3-torch and python3-onnx; without them these tests skip
    torch = None

TINY = dict(widths=(4, 4, 8, 8, 8), dec=(8, 8, 8), blocks=(1, 1, 1, 1))


def tiny_net(q, seed=0):
    """A small ColorNet with random weights and random BatchNorm statistics (so folding is not a no-op)."""
    from colorize_training.network import ColorNet
    torch.manual_seed(seed)
    net = ColorNet(q, **TINY)
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
    return net.eval()


@unittest.skipIf(torch is None, 'torch or onnx is not installed')
class ExportRoundTripTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from colorize_training.network import Colorizer, fuse_bn
        cls.centers = bins()
        cls.raw = Colorizer(tiny_net(cls.centers.shape[0]), cls.centers, 0.38, 0.3, 1.15).eval()
        cls.model = Colorizer(fuse_bn(cls.raw.net), cls.centers, 0.38, 0.3, 1.15).eval()
        cls.dir = tempfile.mkdtemp(prefix='colorize-export-test-')
        g = torch.Generator().manual_seed(0)
        cls.inputs = [torch.rand(1, 1, 64, 64, generator=g), torch.rand(2, 1, 96, 64, generator=g)]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_folding_batchnorm_keeps_the_output(self):
        with torch.no_grad():
            for x in self.inputs:
                self.assertLess((self.model(x) - self.raw(x)).abs().max().item(), 1e-4)
        self.assertFalse(any(isinstance(m, torch.nn.BatchNorm2d) for m in self.model.modules()))

    def test_onnx_gives_the_modules_output(self):
        from colorize_training.export import OPSET, export_onnx
        from onnx_numpy import run
        path = os.path.join(self.dir, 'tiny.onnx')
        with torch.no_grad():
            export_onnx(self.model, path, torch.rand(1, 1, 64, 64))
        m = onnx.load(path)
        onnx.checker.check_model(m, full_check=True)
        self.assertEqual([(o.domain, o.version) for o in m.opset_import], [('', OPSET)])
        self.assertEqual(([i.name for i in m.graph.input], [o.name for o in m.graph.output]), (['l'], ['ab']))
        for x in self.inputs:  # the second differs in batch and height from the export's dummy
            with torch.no_grad():
                want = self.model(x).numpy()
            got = run(m, {'l': x.numpy()})['ab']
            self.assertEqual(got.shape, (x.shape[0], 2, x.shape[2] // 4, x.shape[3] // 4))
            self.assertLess(np.abs(got - want).max(), 1e-3)

    def test_torchscript_gives_the_modules_output(self):
        from colorize_training.export import export_torchscript
        path = os.path.join(self.dir, 'tiny.torchscript.pt')
        with torch.no_grad():
            export_torchscript(self.model, path, torch.rand(1, 1, 64, 64))
            ts = torch.jit.load(path)
            for x in self.inputs:
                self.assertLess((ts(x) - self.model(x)).abs().max().item(), 1e-5)

    def test_decoding_mix(self):
        from colorize_training.network import Colorizer
        x = self.inputs[0]
        with torch.no_grad():
            logits, reg = self.model.net(x)
            regression_only = Colorizer(self.model.net, self.centers, 0.5, 0.0, 2.0)(x)
            self.assertLess((regression_only - 2.0 * reg).abs().max().item(), 1e-5)
            mean_only = Colorizer(self.model.net, self.centers, 0.5, 1.0, 1.0)(x)
            p = torch.softmax(logits / 0.5, dim=1)
            expected = torch.einsum('nqhw,qc->nchw', p, self.centers)
            self.assertLess((mean_only - expected).abs().max().item(), 1e-3)


@unittest.skipIf(torch is None, 'torch or onnx is not installed')
class ExportCommandTest(unittest.TestCase):
    def test_whole_export_on_a_checkout_without_runs_folder(self):
        """export.py writes the files, its record (training/runs/export.json) and the card; training/runs/
        is git-ignored, so a fresh checkout lacks it (export.py used to fail there after writing the model)."""
        from colorize_training import export, network
        tmp = tempfile.mkdtemp(prefix='colorize-export-cmd-')
        try:
            centers = bins()
            ckpt = os.path.join(tmp, 'final.pt')
            torch.save(dict(ema=tiny_net(centers.shape[0]).state_dict(), step=7, centers=centers, arch='tiny'), ckpt)
            record = os.path.join(tmp, 'runs', 'export.json')
            dest = os.path.join(tmp, 'model')
            argv = ['export.py', '--ckpt', ckpt, '--dest', dest, '--alpha', '0.3', '--scale', '1.15',
                    '--testvec', os.path.join(tmp, 'testvec.npz')]
            with mock.patch.dict(network.ARCHS, tiny=TINY), mock.patch.object(export, 'EXPORT_JSON', record), \
                    mock.patch.object(sys, 'argv', argv), mock.patch('sys.stdout'):
                export.main()
            with open(record) as f:
                info = json.load(f)
            self.assertEqual((info['q'], info['step'], info['arch'], info['opset']), (261, 7, 'tiny', 13))
            self.assertEqual(info['onnx_sha256'], export.sha256(os.path.join(dest, export.NAME + '.onnx')))
            with open(os.path.join(dest, export.NAME + '.properties')) as f:
                props = dict(line.rstrip('\n').split('=', 1) for line in f if not line.startswith('#'))
            self.assertEqual(props['onnx.sha256'], info['onnx_sha256'])
            self.assertEqual(props['decoding.alpha'], '0.3')
            tv = np.load(os.path.join(tmp, 'testvec.npz'))
            ts = torch.jit.load(os.path.join(dest, export.NAME + '.torchscript.pt'))
            with torch.no_grad():
                self.assertLess(np.abs(ts(torch.from_numpy(tv['l'])).numpy() - tv['ab']).max(), 1e-5)
        finally:
            shutil.rmtree(tmp)


if __name__ == '__main__':
    unittest.main()
