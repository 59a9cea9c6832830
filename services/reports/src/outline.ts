/**
 * A PDF's outline (the bookmarks a viewer lists beside the pages): one entry per section, opening its first page,
 * so a reader of a long report goes to the deadlines without paging through the charts. pdf-lib writes the PDF
 * objects but has no outline API; these are the few dictionaries the PDF standard (ISO 32000, 12.3.3) asks for.
 */
import { PDFHexString, PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** The section's first page, 0-based. */
  pageIndex: number;
}

/** Adds the entries as a flat outline and asks the viewer to show it when the document opens. */
export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = doc;
  const pages = doc.getPages();
  const root = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: root,
      // The whole page in the window, whatever the viewer's zoom was.
      Dest: [pages[entry.pageIndex]!.ref, PDFName.of('Fit')],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  context.assign(
    root,
    context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
