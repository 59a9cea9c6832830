import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type PlacedPoint } from './label.place.ts';

const plot = { width: 600, height: 300 };
const point = (x: number, y: number, width = 130): PlacedPoint => ({ x, y, width, height: 16 });

describe('scatter label placement', () => {
  it('keeps a name off the importance line just above its point (the "Clarity of information" case)', () => {
    // The point sits 8 px under the dividing line: a lifted name would cross it, so it goes below.
    const [placement] = placeLabels([point(100, 158)], plot, { x: 320, y: 150 });
    expect(placement).toEqual({ position: 'right', dy: 11 });
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
});
