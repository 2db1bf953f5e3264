#!/usr/bin/python3
"""Evaluate a checkpoint or an ONNX file the way the Java pipeline runs it.

A launcher for colorize_training.evaluate (its docstring and --help say more).

Python puts this script's folder, training/, first on the module path, so the package next to it
imports as it is, from any working folder. Equivalent: cd training && python3 -m colorize_training.evaluate
"""
from colorize_training.evaluate import main

if __name__ == '__main__':
    main()
