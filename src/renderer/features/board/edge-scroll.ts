import { useEffect, useState, type DragEvent } from 'react';

/** How close to the board's left or right edge (px) a dragged card starts scrolling it. */
const EDGE_PX = 64;
/** Fastest scroll (px per frame), reached right at the edge. */
const MAX_STEP_PX = 22;

/**
 * Scroll step for a pointer at `clientX` over a container spanning `left`…`right`: negative
 * near the left edge, positive near the right one, growing towards the edge, 0 in between.
 */
export function edgeScrollStep(clientX: number, left: number, right: number): number {
  const zone = Math.min(EDGE_PX, (right - left) / 4);
  if (zone <= 0) return 0;
  const depth = (distance: number) => Math.ceil((MAX_STEP_PX * Math.min(zone, distance)) / zone);
  if (clientX < left + zone) return -depth(left + zone - clientX);
  if (clientX > right - zone) return depth(clientX - (right - zone));
  return 0;
}

type EdgeScroller = {
  /** The pointer is over `element` at `clientX`: scroll it frame by frame while near an edge. */
  track(element: HTMLElement, clientX: number): void;
  stop(): void;
};

/**
 * One requestAnimationFrame loop per drag. It runs only while the pointer is in an edge zone
 * and the container can still scroll that way; `stop` ends it for good.
 */
function createEdgeScroller(): EdgeScroller {
  let element: HTMLElement | null = null;
  let pointerX = 0;
  let frame: number | null = null;
  const tick = () => {
    frame = null;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    const step = edgeScrollStep(pointerX, rect.left, rect.right);
    if (step === 0) return;
    const before = element.scrollLeft;
    element.scrollLeft = before + step;
    if (element.scrollLeft !== before) frame = requestAnimationFrame(tick);
  };
  return {
    track(target, clientX) {
      element = target;
      pointerX = clientX;
      frame ??= requestAnimationFrame(tick);
    },
    stop() {
      element = null;
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    },
  };
}

/**
 * Auto-scrolls the horizontal board while a card is dragged near its left or right edge, so
 * a column off screen can be reached in one drag. Spread the handlers on the scroll
 * container; the loop stops on drop, when the pointer leaves, and when `dragging` ends.
 */
export function useEdgeScroll(dragging: boolean) {
  const [scroller] = useState(createEdgeScroller);
  useEffect(() => () => scroller.stop(), [dragging, scroller]);
  return {
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (dragging) scroller.track(event.currentTarget, event.clientX);
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      const next = event.relatedTarget as Node | null;
      if (!next || !event.currentTarget.contains(next)) scroller.stop();
    },
    onDrop: () => scroller.stop(),
  };
}
