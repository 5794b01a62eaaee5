"""Weight and bias initialization: the same network with Keras' default Glorot uniform kernels and
zero biases, and with He uniform kernels (suited to ReLU) and a small constant bias.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import initializers, layers

rng = np.random.default_rng(1)
x = rng.uniform(-1, 1, size=(500, 2)).astype("float32")
y = (np.hypot(x[:, 0], x[:, 1]) < 0.6).astype("float32")

glorot = keras.Sequential([
    keras.Input(shape=(2,)),
    layers.Dense(8, activation="tanh", kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    layers.Dense(10, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    layers.Dense(1, activation="sigmoid"),
])

he = keras.Sequential([
    keras.Input(shape=(2,)),
    layers.Dense(8, activation="relu", kernel_initializer="he_uniform", bias_initializer=initializers.Constant(0.1)),
    layers.Dense(10, activation="relu", kernel_initializer="he_uniform", bias_initializer="zeros"),
    layers.Dense(1, activation="sigmoid", kernel_initializer=initializers.RandomUniform(minval=-0.05, maxval=0.05)),
])

glorot.compile(optimizer=keras.optimizers.SGD(learning_rate=0.03), loss="binary_crossentropy", metrics=["accuracy"])
glorot.fit(x, y, epochs=30, batch_size=10, validation_split=0.3)

he.compile(optimizer=keras.optimizers.SGD(learning_rate=0.03), loss="binary_crossentropy", metrics=["accuracy"])
he.fit(x, y, epochs=30, batch_size=10, validation_split=0.3)
