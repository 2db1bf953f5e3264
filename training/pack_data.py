#!/usr/bin/python3
"""Pack the training photos for a GPU machine.

A launcher for colorize_training.pack (its docstring and --help say more).

Python puts this script's folder, training/, first on the module path, so the package next to it
imports as it is, from any working folder. Equivalent: cd training && python3 -m colorize_training.pack
"""
from colorize_training.pack import main

if __name__ == '__main__':
    main()
