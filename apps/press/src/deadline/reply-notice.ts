/** The e-mail of the right of reply (Đ6.3), in Vietnamese: what the complaint is about, the link, the deadline. */
export function replyNoticeEmail(n: { reminder: boolean; recipientName: string; outletName: string; articleUrl: string; replyUrl: string; replyDueAt: Date }): {
  subject: string;
  text: string;
} {
  const due = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(n.replyDueAt);
  const subject = n.reminder ? 'Nhắc: sắp hết hạn phản hồi khiếu nại về đạo đức nghề nghiệp' : 'Thông báo khiếu nại về đạo đức nghề nghiệp và quyền phản hồi';
  const text = [
    `Kính gửi ${n.recipientName || 'ông/bà'},`,
    '',
    `Hội Nhà báo tỉnh đã nhận một khiếu nại về tác phẩm đăng trên ${n.outletName}:`,
    n.articleUrl,
    '',
    'Trước khi Hội đồng đạo đức xem xét, ông/bà có quyền phản hồi. Mở đường dẫn dưới đây (không cần tài khoản, chỉ dùng được một lần):',
    n.replyUrl,
    '',
    `Hạn phản hồi: ${due}.`,
    '',
    'Hội Nhà báo tỉnh',
  ].join('\n');
  return { subject, text };
}
