/**
 * A PDF's outline (the bookmarks a viewer lists beside the pages): one entry per section, opening its first page,
 * so a reader of a long report goes to the deadlines without paging through the charts. pdf-lib writes the PDF
 * objects but has no outline API; these are the few dictionaries the PDF standard (ISO 32000, 12.3.3) asks for.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** The section's first page, 0-based. */
  pageIndex: number;
}

/** Sets the entries as the flat outline (in place of any the document had) and asks the viewer to show it on opening. */
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

/**
 * The outline's entries of a printed document, depth first, each with the page its destination opens (Chromium's
 * `outline` option writes one per heading, nested by level, as `Dest` arrays). Entries whose page cannot be read
 * are left out.
 */
export function readOutline(doc: PDFDocument): OutlineEntry[] {
  const pages = doc.getPages();
  const indexOf = (ref: unknown) => pages.findIndex((page) => page.ref === ref);
  const entries: OutlineEntry[] = [];
  const visit = (item: PDFDict | undefined): void => {
    for (let at = item; at; at = at.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = at.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      const action = at.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = at.lookupMaybe(PDFName.of('Dest'), PDFArray) ?? action?.lookupMaybe(PDFName.of('D'), PDFArray);
      const pageIndex = dest ? indexOf(dest.get(0)) : -1;
      if (title !== undefined && pageIndex >= 0) entries.push({ title, pageIndex });
      visit(at.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return entries;
}
