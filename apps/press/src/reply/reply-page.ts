import { humanSize } from '../attachment/attachment.rules';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ReplyFormView {
  outletName: string;
  articleUrl: string;
  publicationDate: string;
  byline: string;
  account: string;
  ruleTitles: string[];
  replyDueAt: string;
  /** What the form may attach (PRESS_ATTACHMENT_*). */
  attachmentLimits: { maxFiles: number; maxFileBytes: number; maxTotalBytes: number };
}

/** The file input's hint to the browser's picker; the service decides from the bytes, whatever the picker let through. */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.odt,.txt,application/pdf,image/jpeg,image/png,image/webp,text/plain';
const FORM_OPEN = '<form method="post" enctype="multipart/form-data">';

const page = (title: string, body: string) => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}textarea{width:100%;min-height:14rem}</style>
</head>
<body>
${body}
</body>
</html>
`;

/**
 * Đ6.3 right of reply: the form the one-time link opens. Plain HTML (works without JavaScript);
 * the form posts back to the same address, so the token in it is what makes the post legitimate.
 */
export function replyFormPage(view: ReplyFormView, text = ''): string {
  const limits = view.attachmentLimits;
  const rules = view.ruleTitles.map((t) => `<li>${escapeHtml(t)}</li>`).join('');
  return page(
    'Phản hồi khiếu nại về đạo đức nghề nghiệp',
    `<h1>Phản hồi khiếu nại về đạo đức nghề nghiệp</h1>
<p>Hội Nhà báo tỉnh đã nhận một khiếu nại liên quan đến tác phẩm dưới đây. Trước khi Hội đồng đạo đức xem xét, ông/bà có quyền phản hồi.</p>
<dl>
<dt>Cơ quan báo chí</dt><dd>${escapeHtml(view.outletName)}</dd>
<dt>Tác phẩm</dt><dd>${escapeHtml(view.articleUrl)}</dd>
<dt>Ngày đăng</dt><dd>${escapeHtml(view.publicationDate)}</dd>
<dt>Bút danh / tác giả</dt><dd>${escapeHtml(view.byline)}</dd>
<dt>Hạn phản hồi</dt><dd>${escapeHtml(view.replyDueAt)}</dd>
</dl>
<h2>Các quy định được viện dẫn</h2>
<ul>${rules}</ul>
<h2>Nội dung khiếu nại</h2>
<p>${escapeHtml(view.account)}</p>
${FORM_OPEN}
<label for="text">Nội dung phản hồi</label>
<textarea id="text" name="text" required minlength="10" maxlength="20000">${escapeHtml(text)}</textarea>
<p><label for="files">Tệp đính kèm (không bắt buộc)</label><br>
<input type="file" id="files" name="files" multiple accept="${ACCEPT}"></p>
<p>Tối đa ${limits.maxFiles} tệp, mỗi tệp không quá ${humanSize(limits.maxFileBytes)}, tổng cộng không quá ${humanSize(limits.maxTotalBytes)}. Nhận tệp PDF, JPEG, PNG, WEBP, DOCX, ODT hoặc văn bản thuần (UTF-8).</p>
<p><button type="submit">Gửi phản hồi</button></p>
</form>
<p>Đường dẫn này chỉ dùng được một lần.</p>`,
  );
}

/** The reply is kept: says so, with the files kept (their names as kept, escaped). */
export function replyReceivedPage(files: ReadonlyArray<{ name: string; sizeBytes: number }> = []): string {
  const list = files.length
    ? `<p>Các tệp đính kèm đã nhận:</p><ul>${files.map((f) => `<li>${escapeHtml(f.name)} (${humanSize(f.sizeBytes)})</li>`).join('')}</ul>`
    : '';
  return page('Đã nhận phản hồi', `<h1>Đã nhận phản hồi</h1><p>Hội Nhà báo tỉnh đã nhận phản hồi của ông/bà. Xin cảm ơn.</p>${list}`);
}

/** The one page for every refused link (wrong, altered, used, expired, or its complaint closed): it says nothing about why. */
export function replyUnavailablePage(): string {
  return page(
    'Đường dẫn không sử dụng được',
    '<h1>Đường dẫn không sử dụng được</h1><p>Đường dẫn phản hồi này không còn hiệu lực. Nếu cần, xin liên hệ Hội Nhà báo tỉnh.</p>',
  );
}

/** A reply refused (text too short or too long, a file refused): the form again, with what to fix and the text as typed. */
export function replyInvalidPage(view: ReplyFormView, problem: string, text = ''): string {
  return replyFormPage(view, text).replace(FORM_OPEN, () => `<p role="alert"><strong>${escapeHtml(problem)}</strong></p>\n${FORM_OPEN}`);
}
