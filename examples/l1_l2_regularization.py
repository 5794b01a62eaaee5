"""L1 and L2 weight penalties: Keras adds l1 * sum(|w|) or l2 * sum(w ** 2) of a layer's kernel to
the loss, pushing weights towards zero (L1 makes many exactly zero; L2 keeps them small).
"""
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from keras.regularizers import l1, l2

rng = np.random.default_rng(0)
x = rng.normal(size=(1000, 100)).astype("float32")
y = (x[:, :10].sum(axis=1) > 0).astype("float32")

model = Sequential()
# A hidden layer with an L1 penalty on its weights
model.add(Dense(64, input_dim=100, activation="relu", kernel_regularizer=l1(0.01)))
# A hidden layer with an L2 penalty
model.add(Dense(32, activation="relu", kernel_regularizer=l2(0.01)))
# One sigmoid output neuron for a binary decision
model.add(Dense(1, activation="sigmoid"))

model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x, y, epochs=20, batch_size=32, validation_split=0.2)
