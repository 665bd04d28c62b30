#!/usr/bin/python3
"""Rewrites Clip nodes whose min/max are inputs into attribute form (opset 6 style) so OpenCV 4.6 can load the model."""
import sys
import onnx
from onnx import helper, numpy_helper


def constant_value(graph, name):
    for init in graph.initializer:
        if init.name == name:
            return float(numpy_helper.to_array(init))
    for node in graph.node:
        if node.op_type == "Constant" and node.output[0] == name:
            return float(numpy_helper.to_array(node.attribute[0].t))
    return None


def main(src, dst):
    model = onnx.load(src)
    graph = model.graph
    new_nodes = []
    for node in graph.node:
        if node.op_type == "Clip" and len(node.input) > 1:
            lo = constant_value(graph, node.input[1]) if len(node.input) > 1 and node.input[1] else None
            hi = constant_value(graph, node.input[2]) if len(node.input) > 2 and node.input[2] else None
            attrs = {}
            if lo is not None:
                attrs["min"] = lo
            if hi is not None:
                attrs["max"] = hi
            node = helper.make_node("Clip", [node.input[0]], list(node.output), name=node.name, **attrs)
        new_nodes.append(node)
    del graph.node[:]
    graph.node.extend(new_nodes)
    onnx.save(model, dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
