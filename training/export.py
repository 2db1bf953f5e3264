#!/usr/bin/python3
"""Export a checkpoint to ONNX + TorchScript and write the .properties card.

A launcher for colorize_training.export (its docstring and --help say more).

Python puts this script's folder, training/, first on the module path, so the package next to it
imports as it is, from any working folder. Equivalent: cd training && python3 -m colorize_training.export
"""
from colorize_training.export import main

if __name__ == '__main__':
    main()
