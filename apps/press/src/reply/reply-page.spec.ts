import { escapeHtml, replyFormPage, replyInvalidPage, replyUnavailablePage } from './reply-page';

const VIEW = {
  outletName: 'Báo <b>Quảng Bình</b>',
  articleUrl: 'https://baoquangbinh.vn/a?x=1&y="2"',
  publicationDate: '2026-03-01',
  byline: "Minh Anh'><script>alert(1)</script>",
  account: '<img src=x onerror=alert(1)>',
  ruleTitles: ['DDNB_2017_D2'],
  replyDueAt: '2026-03-20T16:59:59.999Z',
};

describe(replyFormPage.name, () => {
  it('escapes everything it shows and has a form that posts back without JavaScript', () => {
    const html = replyFormPage(VIEW);
    expect(html).toContain('<form method="post">');
    expect(html).toContain('name="text"');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain(escapeHtml(VIEW.byline));
  });

  it('shows a problem with the reply above the form, escaped', () => {
    expect(replyInvalidPage(VIEW, '<quá ngắn>')).toContain('&#60;quá ngắn&#62;');
  });
});

describe(replyUnavailablePage.name, () => {
  it('says nothing about the complaint or why', () => {
    const html = replyUnavailablePage();
    expect(html).not.toMatch(/hết hạn|đã dùng|sai|expired|used|invalid/i);
  });
});
