import { escapeHtml, replyFormPage, replyInvalidPage, replyReceivedPage, replyUnavailablePage } from './reply-page';

const VIEW = {
  outletName: 'Báo <b>Quảng Bình</b>',
  articleUrl: 'https://baoquangbinh.vn/a?x=1&y="2"',
  publicationDate: '2026-03-01',
  byline: "Minh Anh'><script>alert(1)</script>",
  account: '<img src=x onerror=alert(1)>',
  ruleTitles: ['DDNB_2017_D2'],
  replyDueAt: '2026-03-20T16:59:59.999Z',
  attachmentLimits: { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 25 * 1024 * 1024 },
};

describe(replyFormPage.name, () => {
  it('escapes everything it shows and has a form that posts back without JavaScript', () => {
    const html = replyFormPage(VIEW);
    expect(html).toContain('<form method="post" enctype="multipart/form-data">');
    expect(html).toContain('name="text"');
    expect(html).toContain('<input type="file" id="files" name="files" multiple');
    expect(html).toContain('Tối đa 5 tệp, mỗi tệp không quá 10 MB, tổng cộng không quá 25 MB');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain(escapeHtml(VIEW.byline));
  });

  it('shows a problem with the reply above the form, escaped, and the text as typed', () => {
    const html = replyInvalidPage(VIEW, '<quá ngắn> $& $1', '</textarea><script>alert(1)</script>');
    expect(html).toContain('&#60;quá ngắn&#62; $&#38; $1');
    expect(html).toContain('&#60;&#47;textarea&#62;&#60;script&#62;');
    expect(html).not.toContain('<script');
  });
});

describe(replyReceivedPage.name, () => {
  it('lists the files kept, their names escaped', () => {
    const html = replyReceivedPage([{ name: '<img src=x onerror=alert(1)>.txt', sizeBytes: 2048 }]);
    expect(html).toContain('<li>&#60;img src&#61;x onerror&#61;alert(1)&#62;.txt (2 KB)</li>');
    expect(html).not.toContain('<img');
  });
});

describe(replyUnavailablePage.name, () => {
  it('says nothing about the complaint or why', () => {
    const html = replyUnavailablePage();
    expect(html).not.toMatch(/hết hạn|đã dùng|sai|expired|used|invalid/i);
  });
});
