import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { addOutline, readOutline } from './outline.ts';

/**
 * Each outline entry's title and the 0-based page it opens, read back from the saved bytes by walking the
 * outline's First/Next chain. (The e2e test reads a report's outline with pdf.js, as a viewer does.)
 */
async function outlineOf(bytes: Uint8Array): Promise<{ title: string; page: number }[]> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((p) => p.ref.toString());
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const entries: { title: string; page: number }[] = [];
  let ref = root?.get(PDFName.of('First'));
  while (ref instanceof PDFRef) {
    const item = doc.context.lookup(ref, PDFDict);
    const dest = item.lookup(PDFName.of('Dest'), PDFArray);
    entries.push({
      title: item.lookup(PDFName.of('Title'), PDFHexString).decodeText(),
      page: pages.indexOf(dest.get(0).toString()),
    });
    ref = item.get(PDFName.of('Next'));
  }
  return entries;
}

describe('report outline', () => {
  it('lists each section with the page it starts on, Latvian letters kept, and opens with the outline shown', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 5; i++) doc.addPage();
    addOutline(doc, [
      { title: 'Pārskats', pageIndex: 0 },
      { title: 'Nodaļas', pageIndex: 2 },
      { title: 'Sūdzības', pageIndex: 4 },
    ]);
    const bytes = await doc.save();
    expect(await outlineOf(bytes)).toEqual([
      { title: 'Pārskats', page: 0 },
      { title: 'Nodaļas', page: 2 },
      { title: 'Sūdzības', page: 4 },
    ]);
    expect((await PDFDocument.load(bytes)).catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('adds nothing for no sections', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    addOutline(doc, []);
    const bytes = await doc.save();
    expect(await outlineOf(bytes)).toEqual([]);
    expect((await PDFDocument.load(bytes)).catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });

  it('reads an outline back depth first, nested entries after their parent, each with its page', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 4; i++) doc.addPage();
    addOutline(doc, [
      { title: 'Pārskats', pageIndex: 0 },
      { title: 'Nodaļas', pageIndex: 3 },
    ]);
    // A child under the first entry, as Chromium nests a screen's h2 under its h1.
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const first = outlines.lookup(PDFName.of('First'), PDFDict);
    const child = doc.context.register(
      doc.context.obj({
        Title: PDFHexString.fromText('Mērķi'),
        Parent: outlines.get(PDFName.of('First')),
        Dest: [doc.getPage(2).ref, PDFName.of('Fit')],
      }),
    );
    first.set(PDFName.of('First'), child);
    first.set(PDFName.of('Last'), child);
    expect(readOutline(await PDFDocument.load(await doc.save()))).toEqual([
      { title: 'Pārskats', pageIndex: 0 },
      { title: 'Mērķi', pageIndex: 2 },
      { title: 'Nodaļas', pageIndex: 3 },
    ]);
  });
});
