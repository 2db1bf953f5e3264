"""A small NumPy interpreter for the ONNX operators the compact model's graph uses, so that the export
test can run the ONNX file without ONNX Runtime (Debian 12 does not package it). It follows the ONNX
operator specifications and refuses any other operator, so a new one in the export fails loudly."""
import numpy as np
from onnx import numpy_helper


def _attrs(node):
    from onnx import helper
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _conv(x, w, b, a):
    if a.get('group', 1) != 1 or any(d != 1 for d in a.get('dilations', [1, 1])):
        raise NotImplementedError('Conv with groups or dilations')
    sh, sw = a.get('strides', [1, 1])
    pt, pl, pb, pr = a.get('pads', [0, 0, 0, 0])
    x = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)))
    n, c, h, wd = x.shape
    o, _, kh, kw = w.shape
    oh, ow = (h - kh) // sh + 1, (wd - kw) // sw + 1
    out = np.zeros((n, o, oh, ow), np.float64)
    for i in range(kh):
        for j in range(kw):
            patch = x[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw].astype(np.float64)
            out += np.einsum('nchw,oc->nohw', patch, w[:, :, i, j].astype(np.float64))
    if b is not None:
        out += b.reshape(1, -1, 1, 1)
    return out.astype(np.float32)


def _resize(x, roi, scales, a):
    if a.get('mode', b'nearest') != b'nearest' or a.get('coordinate_transformation_mode') != b'asymmetric' \
            or a.get('nearest_mode') != b'floor':
        raise NotImplementedError('Resize other than nearest/asymmetric/floor: %s' % a)
    for axis, s in enumerate(scales):
        if s != int(s):
            raise NotImplementedError('non-integer Resize scale')
        x = np.repeat(x, int(s), axis=axis)  # floor(i / s) with an integer s
    return x


def _softmax(x, a):
    axis = a.get('axis', 1)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def run(model, feeds):
    """Runs an onnx.ModelProto on {input name: array}; returns {output name: array}."""
    env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    env.update(feeds)
    env[''] = None
    for node in model.graph.node:
        a = _attrs(node)
        x = [env[i] for i in node.input]
        op = node.op_type
        if op == 'Constant':
            y = numpy_helper.to_array(a['value'])
        elif op == 'Identity':
            y = x[0]
        elif op == 'Conv':
            y = _conv(x[0], x[1], x[2] if len(x) > 2 else None, a)
        elif op == 'Relu':
            y = np.maximum(x[0], 0)
        elif op in ('Add', 'Sub', 'Mul', 'Div'):
            y = {'Add': np.add, 'Sub': np.subtract, 'Mul': np.multiply, 'Div': np.divide}[op](x[0], x[1])
        elif op == 'ReduceMean':
            y = x[0].mean(axis=tuple(a['axes']), keepdims=bool(a.get('keepdims', 1)))
        elif op == 'Resize':
            y = _resize(x[0], x[1], x[2], a)
        elif op == 'Softmax':
            y = _softmax(x[0], a)
        else:
            raise NotImplementedError('ONNX operator %s' % op)
        env[node.output[0]] = np.asarray(y, dtype=np.float32)
    return {o.name: env[o.name] for o in model.graph.output}
