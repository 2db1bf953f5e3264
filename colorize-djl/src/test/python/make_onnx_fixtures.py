#!/usr/bin/python3
"""Writes the tiny synthetic ONNX graphs the colorize-djl tests use:
    /usr/bin/python3 colorize-djl/src/test/python/make_onnx_fixtures.py

chroma-fp16.onnx / chroma-fp32.onnx follow the bundled model's contract (input l [1,1,H,W] = L/100,
output ab [1,2,H/4,W/4]): ab = (40 * avgpool4(l) - 10, -20 * avgpool4(l) + 5), in float16 or float32.
chroma-fixed.onnx is the fp32 graph with a fixed 128x128 input and an initializer also listed as an
input (as old exporters wrote them), for the signature reader.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def chroma(dtype, fixed=False, legacy_initializer=False):
    np_t = np.float16 if dtype == TensorProto.FLOAT16 else np.float32
    h, w = (128, 128) if fixed else ('h', 'w')
    h4, w4 = (32, 32) if fixed else ('h4', 'w4')
    inits = [numpy_helper.from_array(np.array([40, -20], np_t).reshape(1, 2, 1, 1), 'gain'),
             numpy_helper.from_array(np.array([-10, 5], np_t).reshape(1, 2, 1, 1), 'bias')]
    nodes = [helper.make_node('AveragePool', ['l'], ['p'], kernel_shape=[4, 4], strides=[4, 4]),
             helper.make_node('Concat', ['p', 'p'], ['pp'], axis=1),
             helper.make_node('Mul', ['pp', 'gain'], ['scaled']),
             helper.make_node('Add', ['scaled', 'bias'], ['ab'])]
    inputs = [helper.make_tensor_value_info('l', dtype, [1, 1, h, w])]
    if legacy_initializer:
        inputs.append(helper.make_tensor_value_info('gain', dtype, [1, 2, 1, 1]))
    graph = helper.make_graph(nodes, 'chroma', inputs,
                              [helper.make_tensor_value_info('ab', dtype, [1, 2, h4, w4])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='colorize-tests')
    model.ir_version = 7
    onnx.checker.check_model(model)
    return model


OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'io', 'github', 'colorize', 'djl')
onnx.save(chroma(TensorProto.FLOAT16), os.path.join(OUT, 'chroma-fp16.onnx'))
onnx.save(chroma(TensorProto.FLOAT), os.path.join(OUT, 'chroma-fp32.onnx'))
onnx.save(chroma(TensorProto.FLOAT, fixed=True, legacy_initializer=True), os.path.join(OUT, 'chroma-fixed.onnx'))
