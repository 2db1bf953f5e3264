"""The colorize compact model's training code, one module per role.

- ``color``: scikit-image compatible CIE Lab <-> sRGB in torch, the quantised a*b* bins and their
  soft encoding;
- ``network``: the network, its in-graph decoding head, BatchNorm folding, MAC count;
- ``losses``: the training targets, the class-rebalancing weights and the loss;
- ``data``: listing, validation split, preparation, loading and augmenting the training photos;
- ``metrics``: PSNR, colorfulness and delta-colorfulness, the one copy every script uses;
- ``sizing``: the working resolution the Java pipeline feeds the network;
- ``export``: ONNX + TorchScript export and the ``.properties`` card;
- ``train``, ``evaluate``, ``pack``: the command-line programs (thin launchers in ``training/``).

``metrics`` and ``sizing`` need NumPy at most, so the tools under ``tools/`` that only measure can
import them without torch. This package imports nothing when it is imported itself.
"""
