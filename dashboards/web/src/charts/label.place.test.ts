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
});
