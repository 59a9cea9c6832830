/**
 * Where a scatter point's name goes, in pixels of the plot: to its right or left (lifted above or dropped below
 * its horizontal whisker), or centred above or below its vertical whisker, choosing the spot that crosses no
 * dividing line, stays inside the plot and covers no other point, whisker or name, and is never nearer another
 * point than its own. A name moved out of the spots beside its point gets a leader line back to it. Pure, so the
 * drivers chart can place names for the size it is drawn at.
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
  /** Moved out of the spots beside its point: it needs a line back to it (see `leaderLine`). */
  leader: boolean;
}

export interface Box {
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

/** How far each further ring of spots is moved from the first one, in label heights. */
const RINGS = 6;

/**
 * The spots tried, best first when they cost the same: beside the point, then over or under its whisker, then
 * the same spots moved out a label's height at a time. The outer rings are there for crowded points (a phone's
 * narrow plot puts several aspects within a name's width of each other): a name moved a little away from its
 * point still names it, where a name hidden by ECharts' hideOverlap would leave the aspect unnamed.
 */
function candidates(point: PlacedPoint): { placement: Placement; ring: number }[] {
  const [whiskerTop, whiskerBottom] = point.whiskerY ?? [point.y, point.y];
  const top = Math.min(0, whiskerTop - 3 - (point.y - LABEL_GAP));
  const bottom = Math.max(0, whiskerBottom + 3 - (point.y + LABEL_GAP));
  // A name of two lines is lifted further, so the horizontal whisker clears it as it clears one line.
  const lift = Math.max(LABEL_LIFT, point.height / 2 + 3);
  return Array.from({ length: RINGS + 1 }, (_, ring) => {
    const out = ring * (point.height + TOUCH);
    const leader = ring > 0;
    const spots: Placement[] = [
      { position: 'right', dy: -lift - out, leader },
      { position: 'left', dy: -lift - out, leader },
      { position: 'right', dy: lift + out, leader },
      { position: 'left', dy: lift + out, leader },
      { position: 'top', dy: top - out, leader },
      { position: 'bottom', dy: bottom + out, leader },
    ];
    return spots.map((placement) => ({ placement, ring }));
  }).flat();
}

/** The least clear space between a name and another name or point, so no two touch. */
export const TOUCH = 2;
/** Half a point's symbol (14 px). */
const SYMBOL_HALF = 7;

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** The distance from a point to the nearest edge of a box (0 inside it). */
const distance = (box: Box, x: number, y: number) =>
  Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));

const padded = (box: Box, by: number): Box => ({
  left: box.left - by,
  right: box.right + by,
  top: box.top - by,
  bottom: box.bottom + by,
});

/**
 * One placement per point, in order (earlier names are placed first and later ones avoid them). Each spot is
 * scored by what it would cover: covering or touching another point or a name already placed costs most (a
 * reader could not tell which name is whose), then leaving the plot (the name would be cut or sit on the axis),
 * then being nearer another point than its own (it would be read as naming that point: "Pieklājība" sat under
 * another aspect's point in a printed report; where a cluster leaves no such spot inside the plot, its leader
 * line still ties it to its point), then crossing a dividing line, then whiskers, then the distance moved out; ties keep the earlier spot.
 */
export function placeLabels(
  points: readonly PlacedPoint[],
  plot: { width: number; height: number },
  dividers: { x: number | null; y: number | null },
  /** Other text on the plot a name must keep clear of, as names already placed (the quadrants' names). */
  obstacles: readonly Box[] = [],
): Placement[] {
  const placed: Box[] = [...obstacles];
  return points.map((point, index) => {
    let best: { placement: Placement; cost: number } | null = null;
    for (const { placement, ring } of candidates(point)) {
      const box = labelBox(point, placement);
      const clear = padded(box, TOUCH);
      let cost = (placement.position === 'top' || placement.position === 'bottom' ? 1 : 0) + 10 * ring;
      if (dividers.x !== null && box.left < dividers.x && box.right > dividers.x) cost += 1000;
      if (dividers.y !== null && box.top < dividers.y && box.bottom > dividers.y) cost += 1000;
      cost += 10_000 * (Math.max(0, -box.left) + Math.max(0, box.right - plot.width));
      cost += 10_000 * (Math.max(0, -box.top) + Math.max(0, box.bottom - plot.height));
      // How much nearer the nearest other point is than its own; kept under a pixel out of the plot (10 000).
      const nearer = Math.max(
        0,
        ...points.map((other, j) =>
          j === index ? 0 : distance(box, point.x, point.y) - distance(box, other.x, other.y),
        ),
      );
      if (nearer > 0) cost += 5_000 + Math.min(4_000, 10 * nearer);
      points.forEach((other, j) => {
        cost +=
          1_000_000 *
          (j === index
            ? 0
            : overlap(clear, {
                left: other.x - SYMBOL_HALF,
                right: other.x + SYMBOL_HALF,
                top: other.y - SYMBOL_HALF,
                bottom: other.y + SYMBOL_HALF,
              }));
        if (other.whiskerX)
          cost +=
            2 *
            overlap(box, { left: other.whiskerX[0], right: other.whiskerX[1], top: other.y - 1, bottom: other.y + 1 });
        if (other.whiskerY)
          cost +=
            2 *
            overlap(box, { left: other.x - 1, right: other.x + 1, top: other.whiskerY[0], bottom: other.whiskerY[1] });
      });
      for (const name of placed) cost += 1_000_000 * overlap(clear, name);
      if (!best || cost < best.cost) best = { placement, cost };
    }
    const chosen = best?.placement ?? { position: 'right', dy: -LABEL_LIFT, leader: false };
    placed.push(labelBox(point, chosen));
    return chosen;
  });
}

/**
 * The leader line of a name moved away from its point, in plot pixels: from the nearest edge of the name's box
 * (x1, y1) to the rim of the point's symbol (x2, y2), so a name several spots out still reads as this point's.
 * Null for a name beside its point, where a line would only add clutter.
 */
export function leaderLine(
  point: PlacedPoint,
  placement: Placement,
): { x1: number; y1: number; x2: number; y2: number } | null {
  if (!placement.leader) return null;
  const box = labelBox(point, placement);
  const x1 = Math.min(Math.max(point.x, box.left), box.right);
  const y1 = Math.min(Math.max(point.y, box.top), box.bottom);
  const length = Math.hypot(x1 - point.x, y1 - point.y);
  const rim = SYMBOL_HALF + 1;
  if (length <= rim) return null;
  return { x1, y1, x2: point.x + ((x1 - point.x) / length) * rim, y2: point.y + ((y1 - point.y) / length) * rim };
}
