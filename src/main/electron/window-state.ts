import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { writeFileAtomic } from '../config/atomic-file';

/** Window geometry remembered per machine in `configDir/window-state.json`. */
export type WindowState = { bounds: Rectangle; maximized: boolean };

const FILE_NAME = 'window-state.json';
const DEFAULT_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 800, height: 560 };

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(r[k]));
}

/** True when at least a title-bar-sized part of `bounds` is on some display. */
function isVisible(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: area }) => {
    const overlapX =
      Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const overlapY = Math.min(bounds.y + 40, area.y + area.height) - Math.max(bounds.y, area.y);
    return overlapX >= 100 && overlapY >= 20;
  });
}

/**
 * The saved state if it is readable and still fits a connected display (a monitor may have
 * been unplugged); otherwise a default size centred by Electron.
 */
export function loadWindowState(configDir: string): {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
} {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(configDir, FILE_NAME), 'utf8'));
    const state = raw as Partial<WindowState>;
    if (isRectangle(state.bounds) && isVisible(state.bounds)) {
      return {
        bounds: {
          ...state.bounds,
          width: Math.max(MIN_SIZE.width, state.bounds.width),
          height: Math.max(MIN_SIZE.height, state.bounds.height),
        },
        maximized: state.maximized === true,
      };
    }
  } catch {
    // Missing or unreadable: first start, or a damaged file that we simply replace.
  }
  return { bounds: { ...DEFAULT_SIZE }, maximized: false };
}

export const WINDOW_MIN_SIZE = MIN_SIZE;

/** Saves the window's normal (unmaximized) bounds and maximized flag whenever it closes. */
export function trackWindowState(window: BrowserWindow, configDir: string): void {
  window.on('close', () => {
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    try {
      mkdirSync(configDir, { recursive: true });
      writeFileAtomic(join(configDir, FILE_NAME), JSON.stringify(state, null, 2));
    } catch (error) {
      console.warn('Could not save the window state:', error);
    }
  });
}
