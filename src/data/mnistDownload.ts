/**
 * Downloads Keras' mnist.npz (or the tests' archive: mnistCache.mnistOrigin) to where
 * keras.datasets.mnist.load_data() keeps it (mnistCache.kerasDatasetsDirForWrite), so Keras and HyperLab
 * share one copy; when neither Keras' folder nor /tmp/.keras can be written, to the caller's fallback
 * folder (the extension's global storage). The extension host and the CLI both call this; it asks nothing
 * and shows nothing: progress goes to the caller's callback.
 */
import * as path from 'node:path';
import { kerasDatasetsDirForWrite, MNIST_NPZ, type KerasPlaces, type MnistOrigin } from '../engine/datasets/mnistCache';
import { DownloadError, downloadVerified, type DownloadProgress, type DownloadResult } from './download';
import type { HttpGet } from './httpTransport';

export interface MnistDownloadOptions {
  readonly places: KerasPlaces;
  readonly origin: MnistOrigin;
  readonly get: HttpGet;
  /** Used when Keras' cache cannot be written; without it that is an error. */
  readonly fallbackDir?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly idleTimeoutMs?: number;
}

export interface MnistDownloadResult extends DownloadResult {
  /** 'keras': Keras' cache (shared with Keras); 'fallback': the caller's folder. */
  readonly where: 'keras' | 'fallback';
}

/** An archive over this size is refused (the real one is 11.5 MB; the tests' is smaller). */
const MAX_UNKNOWN_BYTES = 256 * 2 ** 20;

export async function downloadMnist(o: MnistDownloadOptions): Promise<MnistDownloadResult> {
  let dir: string;
  let where: MnistDownloadResult['where'] = 'keras';
  try {
    dir = await kerasDatasetsDirForWrite(o.places);
  } catch (e) {
    if (o.fallbackDir === undefined) {
      const why = e instanceof Error ? e.message : String(e);
      throw new DownloadError('write', `cannot write Keras' cache folder nor ${path.join(o.places.tmp, '.keras')} (${why}); set KERAS_HOME to a writable folder`, { url: o.origin.url, target: MNIST_NPZ });
    }
    dir = o.fallbackDir;
    where = 'fallback';
  }
  const result = await downloadVerified({
    url: o.origin.url, sha256: o.origin.sha256, target: path.join(dir, MNIST_NPZ), get: o.get,
    maxBytes: o.origin.bytes === null ? MAX_UNKNOWN_BYTES : o.origin.bytes * 2,
    ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: o.idleTimeoutMs }),
  });
  return { ...result, where };
}
