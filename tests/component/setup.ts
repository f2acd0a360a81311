import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { notifications } from '@mantine/notifications';

// jsdom lacks the browser APIs Mantine and the virtualizer use.
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

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
// Autosizing textareas wait for web fonts.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: {
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    ready: Promise.resolve(),
  },
});
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
window.HTMLElement.prototype.hasPointerCapture = () => false;
window.HTMLElement.prototype.releasePointerCapture = () => undefined;

// jsdom lays nothing out; give scroll containers a size so virtualized lists render rows.
Object.defineProperty(window.HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get: () => 800,
});
Object.defineProperty(window.HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get: () => 300,
});

afterEach(() => {
  cleanup();
  // The notifications store is global: without this a toast leaks into the next test.
  notifications.clean();
  window.location.hash = '';
});
