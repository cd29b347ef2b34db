import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks the layout APIs Ant Design asks for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = NoResizeObserver;
window.getComputedStyle = (
  (get) => (element: Element) =>
    get(element)
)(window.getComputedStyle.bind(window));

// findBy/waitFor wait for Ant Design's renders; one second (the default) is too short on a busy shared host.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
