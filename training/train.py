#!/usr/bin/python3
"""Train the compact model.

A launcher for colorize_training.train (its docstring and --help say more).

Python puts this script's folder, training/, first on the module path, so the package next to it
imports as it is, from any working folder. Equivalent: cd training && python3 -m colorize_training.train
"""
from colorize_training.train import main

if __name__ == '__main__':
    main()
