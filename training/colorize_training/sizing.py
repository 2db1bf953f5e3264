"""The working resolution at which the Java pipeline runs the compact model.

The bundled model card names this rule (``workingResolution``) and colorize-api's
``SizeRule.AspectArea`` implements it; its test quotes values computed with this function.
"""
import math


def working_size(h, w, rf):
    """(height, width) for an h x w photo at render factor rf: area ~ (16*rf)^2, aspect kept, each
    side rounded (Python's round: half to even) to a multiple of 32, at least 32."""
    s = 16.0 * rf / math.sqrt(h * w)
    return max(32, int(round(h * s / 32.0)) * 32), max(32, int(round(w * s / 32.0)) * 32)
