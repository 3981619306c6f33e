import { docxToPdf, sofficePath } from './pdf.converter';
import { QUANG_BINH_STTTT, renderOfficialDocument } from './official-document';

describe(docxToPdf.name, () => {
  it('converts official documents to PDF with LibreOffice, several requests taking turns', async () => {
    expect(sofficePath()).not.toBeNull();
    const docx = (summary: string) =>
      renderOfficialDocument({
        issuer: QUANG_BINH_STTTT,
        documentType: { name: 'BÁO CÁO', abbreviation: 'BC' },
        number: 1,
        place: 'Quảng Bình',
        date: '2026-07-05',
        summary,
        blocks: [{ kind: 'paragraph', text: 'Nội dung báo cáo.' }],
        recipients: ['Lưu: VT.'],
        signer: { title: 'Giám đốc', name: null },
      });
    const pdfs = await Promise.all([docxToPdf(await docx('Một')), docxToPdf(await docx('Hai'))]);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('lets the next conversion run after one that failed (here: ran out of time)', async () => {
    const docx = await renderOfficialDocument({
      issuer: QUANG_BINH_STTTT,
      documentType: { name: 'BÁO CÁO', abbreviation: 'BC' },
      number: null,
      place: 'Quảng Bình',
      date: '2026-07-05',
      summary: 'Ba',
      blocks: [],
      recipients: [],
      signer: { title: 'Giám đốc', name: null },
    });
    const [failed, next] = await Promise.allSettled([docxToPdf(docx, 1), docxToPdf(docx)]);
    expect(failed.status).toBe('rejected');
    expect(next.status).toBe('fulfilled');
  }, 120_000);
});
