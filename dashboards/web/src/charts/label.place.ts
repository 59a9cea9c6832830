/**
 * Where a scatter point's name goes, in pixels of the plot: to its right or left (lifted above or dropped below
 * its horizontal whisker), or centred above or below its vertical whisker, choosing the spot that crosses no
 * dividing line, stays inside the plot and covers no other point, whisker or name. Pure, so the drivers chart
 * can place names for the size it is drawn at.
 */

export interface PlacedPoint {
  /** The point's centre in plot pixels (x from the left, y from the top). */
  x: number;
  y: number;
  /** Its whiskers' ends in plot pixels (smaller first), when it has them. */
  whiskerX?: readonly [number, number];
  whiskerY?: readonly [number, number];
  /** The label's size in px. */
  width: number;
  height: number;
}

/** An ECharts label position and the vertical offset that goes with it. */
export interface Placement {
  position: 'left' | 'right' | 'top' | 'bottom';
  dy: number;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Gap between the point's centre and its name (half the 14 px symbol and ECharts' 5 px distance). */
export const LABEL_GAP = 12;
/** How far a name beside its point is lifted (or dropped), so the horizontal whisker clears it. */
export const LABEL_LIFT = 11;

export function labelBox(point: PlacedPoint, placement: Placement): Box {
  const { width, height } = point;
  switch (placement.position) {
    case 'right':
    case 'left': {
      const left = placement.position === 'right' ? point.x + LABEL_GAP : point.x - LABEL_GAP - width;
      const centre = point.y + placement.dy;
      return { left, right: left + width, top: centre - height / 2, bottom: centre + height / 2 };
    }
    case 'top': {
      const bottom = point.y - LABEL_GAP + placement.dy;
      return { left: point.x - width / 2, right: point.x + width / 2, top: bottom - height, bottom };
    }
    case 'bottom': {
      const top = point.y + LABEL_GAP + placement.dy;
      return { left: point.x - width / 2, right: point.x + width / 2, top, bottom: top + height };
    }
  }
}

/** The spots tried, best first when they cost the same: beside the point, then over or under its whisker. */
function candidates(point: PlacedPoint): Placement[] {
  const [whiskerTop, whiskerBottom] = point.whiskerY ?? [point.y, point.y];
  return [
    { position: 'right', dy: -LABEL_LIFT },
    { position: 'left', dy: -LABEL_LIFT },
    { position: 'right', dy: LABEL_LIFT },
    { position: 'left', dy: LABEL_LIFT },
    { position: 'top', dy: Math.min(0, whiskerTop - 3 - (point.y - LABEL_GAP)) },
    { position: 'bottom', dy: Math.max(0, whiskerBottom + 3 - (point.y + LABEL_GAP)) },
  ];
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * One placement per point, in order (earlier names are placed first and later ones avoid them). Each spot is
 * scored by what it would cover: leaving the plot costs most (the name would be cut or sit on the axis), then
 * crossing a dividing line, then other points, whiskers and names already placed; ties keep the earlier spot.
 */
export function placeLabels(
  points: readonly PlacedPoint[],
  plot: { width: number; height: number },
  dividers: { x: number | null; y: number | null },
): Placement[] {
  const placed: Box[] = [];
  return points.map((point, index) => {
    let best: { placement: Placement; cost: number } | null = null;
    for (const placement of candidates(point)) {
      const box = labelBox(point, placement);
      let cost = placement.position === 'top' || placement.position === 'bottom' ? 1 : 0;
      if (dividers.x !== null && box.left < dividers.x && box.right > dividers.x) cost += 1000;
      if (dividers.y !== null && box.top < dividers.y && box.bottom > dividers.y) cost += 1000;
      cost += 100 * (Math.max(0, -box.left) + Math.max(0, box.right - plot.width));
      cost += 100 * (Math.max(0, -box.top) + Math.max(0, box.bottom - plot.height));
      points.forEach((other, j) => {
        cost +=
          5 *
          (j === index
            ? 0
            : overlap(box, { left: other.x - 8, right: other.x + 8, top: other.y - 8, bottom: other.y + 8 }));
        if (other.whiskerX)
          cost +=
            2 *
            overlap(box, { left: other.whiskerX[0], right: other.whiskerX[1], top: other.y - 1, bottom: other.y + 1 });
        if (other.whiskerY)
          cost +=
            2 *
            overlap(box, { left: other.x - 1, right: other.x + 1, top: other.whiskerY[0], bottom: other.whiskerY[1] });
      });
      for (const name of placed) cost += 3 * overlap(box, name);
      if (!best || cost < best.cost) best = { placement, cost };
    }
    const chosen = best?.placement ?? { position: 'right', dy: -LABEL_LIFT };
    placed.push(labelBox(point, chosen));
    return chosen;
  });
}
