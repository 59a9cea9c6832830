import { describe, expect, it } from 'vitest';
import { labelBox, leaderLine, placeLabels, type Box, type PlacedPoint } from './label.place.ts';

const plot = { width: 600, height: 300 };
const point = (x: number, y: number, width = 130): PlacedPoint => ({ x, y, width, height: 16 });

describe('scatter label placement', () => {
  it('keeps a name off the importance line just above its point (the "Clarity of information" case)', () => {
    // The point sits 8 px under the dividing line: a lifted name would cross it, so it goes below.
    const [placement] = placeLabels([point(100, 158)], plot, { x: 320, y: 150 });
    expect(placement).toMatchObject({ position: 'right', dy: 11 });
  });

  it('keeps a name off the performance line beside its point and inside the plot', () => {
    // Right of the line by 20 px: a name to the left would cross it; near the right edge: a name to the right
    // would leave the plot. Above the importance line, so it stays above.
    const [near] = placeLabels([point(340, 60)], plot, { x: 320, y: 150 });
    expect(near?.position).toBe('right');
    const [edge] = placeLabels([point(560, 60)], plot, { x: 320, y: 150 });
    expect(edge?.position).toBe('left');
  });

  it('puts a name over its whisker when both sides and both heights would cross a line or leave the plot', () => {
    // Near the left edge (no room on the left), the performance line 80 px to the right (a name to the right
    // crosses it), the importance line just above the point (a lifted name crosses it) and the plot's bottom
    // just below (a dropped name is cut).
    const p: PlacedPoint = { ...point(80, 292, 130), whiskerY: [270, 300] };
    const [placement] = placeLabels([p], plot, { x: 160, y: 285 });
    expect(placement?.position).toBe('top');
    const box = labelBox(p, placement!);
    expect(box.bottom).toBeLessThanOrEqual(270);
    expect(box.left).toBeGreaterThanOrEqual(0);
  });

  it('does not put two names on top of each other', () => {
    const placements = placeLabels([point(100, 60), point(110, 64)], plot, { x: null, y: null });
    const [a, b] = placements.map((p, i) => labelBox(point(i === 0 ? 100 : 110, i === 0 ? 60 : 64), p));
    const overlapX = Math.min(a!.right, b!.right) - Math.max(a!.left, b!.left);
    const overlapY = Math.min(a!.bottom, b!.bottom) - Math.max(a!.top, b!.top);
    expect(overlapX <= 0 || overlapY <= 0).toBe(true);
  });

  // Regression: on the drivers chart names sat against each other or touched a neighbouring point where the
  // aspects crowd (a phone's narrow plot). Every aspect keeps its name: none is hidden, each is moved clear.
  it('keeps every name of a crowded cluster clear of the other names and points, inside the plot', () => {
    // The least clear space between a name and anything else, in px.
    const TOUCH = 2;
    const phone = { width: 300, height: 250 };
    const points: PlacedPoint[] = [
      [150, 60, 70],
      [165, 70, 120],
      [140, 82, 150],
      [175, 95, 100],
      [155, 104, 130],
      [160, 118, 90],
      [60, 200, 140],
      [75, 210, 110],
      [250, 40, 80],
    ].map(([x, y, width]) => ({ ...point(x!, y!, width), whiskerX: [x! - 15, x! + 15] as const }));
    const boxes = placeLabels(points, phone, { x: 170, y: 110 }).map((p, i) => labelBox(points[i]!, p));
    const apart = (a: (typeof boxes)[number], b: { left: number; right: number; top: number; bottom: number }) =>
      a.right + TOUCH <= b.left || b.right + TOUCH <= a.left || a.bottom + TOUCH <= b.top || b.bottom + TOUCH <= a.top;
    const clashes: string[] = [];
    boxes.forEach((box, i) => {
      if (box.left < 0 || box.top < 0 || box.right > phone.width || box.bottom > phone.height)
        clashes.push(`name ${i} leaves the plot`);
      boxes.forEach((other, j) => {
        if (j > i && !apart(box, other)) clashes.push(`names ${i} and ${j}`);
      });
      points.forEach((p, j) => {
        if (j !== i && !apart(box, { left: p.x - 7, right: p.x + 7, top: p.y - 7, bottom: p.y + 7 }))
          clashes.push(`name ${i} on point ${j}`);
      });
    });
    expect(clashes).toEqual([]);
  });

  // Regression: on a phone "Ātrums" was placed over the quadrant's name "Prioritāte" in the plot's corner.
  it("keeps a name off other text on the plot, such as a quadrant's name in its corner", () => {
    const corner = { left: 4, right: 74, top: 4, bottom: 18 };
    const p = point(60, 30, 50);
    const [placement] = placeLabels([p], plot, { x: null, y: null }, [corner]);
    const box = labelBox(p, placement!);
    const apart =
      box.right <= corner.left || corner.right <= box.left || box.bottom <= corner.top || corner.bottom <= box.top;
    expect(apart).toBe(true);
  });

  describe('crowded clusters, as on a phone', () => {
    const phone = { width: 300, height: 250 };
    // Six aspects within a name's width of each other and two more apart; in the first, the old placer moved
    // name 4 a ring out, next to point 5 and nearer it than its own; in the second, name 4 must be moved.
    const clusters = [
      [
        [150, 60, 70],
        [160, 68, 90],
        [145, 80, 100],
        [170, 92, 80],
        [155, 104, 100],
        [160, 118, 90],
        [60, 200, 110],
        [75, 210, 100],
      ],
      [
        [150, 60, 70],
        [160, 68, 90],
        [145, 80, 100],
        [170, 92, 80],
        [152, 100, 100],
        [165, 112, 90],
        [60, 200, 110],
        [75, 210, 100],
      ],
    ].map((cluster) => {
      const points: PlacedPoint[] = cluster.map(([x, y, width]) => ({
        ...point(x!, y!, width),
        whiskerX: [x! - 15, x! + 15] as const,
      }));
      const placements = placeLabels(points, phone, { x: 170, y: 110 });
      return { points, placements, boxes: placements.map((p, i) => labelBox(points[i]!, p)) };
    });
    /** The distance from a point's centre to the nearest edge of a name's box. */
    const distance = (box: Box, p: { x: number; y: number }) =>
      Math.hypot(Math.max(box.left - p.x, 0, p.x - box.right), Math.max(box.top - p.y, 0, p.y - box.bottom));

    // Regression: in the printed Cēsis report "Pieklājība" sat right under another aspect's point.
    it('never puts a name nearer another point than its own', () => {
      const misleading: string[] = [];
      clusters.forEach(({ points, boxes }, c) =>
        boxes.forEach((box, i) =>
          points.forEach((other, j) => {
            if (j !== i && distance(box, other) < distance(box, points[i]!))
              misleading.push(`cluster ${c}: name ${i} nearer point ${j}`);
          }),
        ),
      );
      expect(misleading).toEqual([]);
    });

    // Regression: on a phone "Informācijas skaidrība" was moved away from its point with nothing tying it back.
    it('ties every name moved away from its point back to it with a leader line', () => {
      let moved = 0;
      for (const { points, placements, boxes } of clusters) {
        boxes.forEach((box, i) => {
          // Beside its point a name is at most the gap and the lift from its centre (about 12 px).
          if (distance(box, points[i]!) <= 14) return;
          moved += 1;
          const line = leaderLine(points[i]!, placements[i]!);
          expect(line, `name ${i}`).not.toBeNull();
          // One end on the name's box, the other at the rim of its own point's symbol.
          expect(distance(box, { x: line!.x1, y: line!.y1 })).toBeLessThan(0.5);
          expect(Math.hypot(line!.x2 - points[i]!.x, line!.y2 - points[i]!.y)).toBeLessThanOrEqual(9);
        });
      }
      expect(moved).toBeGreaterThan(0);
    });

    it('draws no leader line for a name beside its point', () => {
      const [placement] = placeLabels([point(100, 60)], plot, { x: null, y: null });
      expect(leaderLine(point(100, 60), placement!)).toBeNull();
    });
  });
});
