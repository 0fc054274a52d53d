import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the layout APIs React Flow and our panels touch; node-environment tests skip this.
if (typeof window !== 'undefined') {
  // The engine hashes documents with TextEncoder, which jsdom does not provide.
  Object.assign(globalThis, {
    TextEncoder: globalThis.TextEncoder ?? TextEncoder,
    TextDecoder: globalThis.TextDecoder ?? TextDecoder,
  });
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(globalThis, { ResizeObserver: globalThis.ResizeObserver ?? ResizeObserverStub });
  if (!window.matchMedia) {
    Object.assign(window, {
      matchMedia: () => ({
        matches: false,
        addListener() {},
        removeListener() {},
        addEventListener() {},
        removeEventListener() {},
      }),
    });
  }
}
export {};
