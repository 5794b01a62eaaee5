"""The lecture's MNIST multilayer perceptron: 784 inputs, 512 ReLU units, 10 softmax outputs.

Architecture hyperparameters (number of layers, neurons per layer, layer type, activation) are fixed
when the model is built; optimization hyperparameters (optimizer, epochs, batch size) when it is
compiled and fitted. model.summary() reports 407,050 trainable parameters.
"""
from tensorflow import keras
from tensorflow.keras import layers, models

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape((60000, 28 * 28)).astype("float32") / 255
x_test = x_test.reshape((10000, 28 * 28)).astype("float32") / 255
y_train = keras.utils.to_categorical(y_train)
y_test = keras.utils.to_categorical(y_test)

model = models.Sequential()
model.add(layers.Dense(512, activation="relu", input_shape=(28 * 28,)))
model.add(layers.Dense(10, activation="softmax"))

model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5, batch_size=128, validation_data=(x_test, y_test))
