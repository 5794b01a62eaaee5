/**
 * The typed edge of a webview: `acquireVsCodeApi` may be called once per page, so this wraps it once and
 * gives back a poster that only accepts the view's own outgoing message type, plus a listener that
 * drops (and reports) anything the guard does not accept.
 */

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface WebviewChannel<Out, In> {
  post(message: Out): void;
  onMessage(handler: (message: In) => void): void;
  getState(): unknown;
  setState(state: unknown): void;
}

export function connect<Out, In>(isIncoming: (raw: unknown) => raw is In): WebviewChannel<Out, In> {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    onMessage: (handler) => {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (isIncoming(event.data)) handler(event.data);
        else console.warn('HyperLab webview: ignored a malformed message', event.data);
      });
    },
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
