/** Texts of the kind the platform handles (fictional), shared by unit and end-to-end tests. */

/** A flood rumour as it circulates on social networks during the rainy season. */
export const FLOOD_RUMOUR =
  'Khẩn cấp: đập thủy điện phía thượng nguồn sông Kiến Giang đã bị vỡ lúc 3 giờ sáng nay, nước lũ đang tràn về ' +
  'các xã An Thủy, Phong Thủy và thị trấn Kiến Giang của huyện Lệ Thủy. Chính quyền đang giấu thông tin, người dân ' +
  'hãy sơ tán ngay lên vùng cao và chia sẻ tin này cho tất cả người thân, bạn bè trước khi quá muộn.';

/** The same rumour re-shared with a few words changed and a line added. */
export const FLOOD_RUMOUR_EDITED =
  FLOOD_RUMOUR.replace('3 giờ sáng nay', '4 giờ sáng nay').replace('trước khi quá muộn', 'trước khi quá muộn!!!') + ' Chia sẻ ngay!';

/** An unrelated job scam. */
export const JOB_SCAM =
  'Tuyển cộng tác viên bán hàng online tại nhà, thu nhập 500 nghìn mỗi ngày, chỉ cần nộp phí giữ chỗ 200 nghìn qua ' +
  'tài khoản ngân hàng, liên hệ qua Zalo để được hướng dẫn nhận việc ngay trong hôm nay, số lượng có hạn.';

/** An unrelated, lawful health notice. */
export const VACCINATION_NOTICE =
  'Sở Y tế thông báo lịch tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại các trạm y tế xã trên địa bàn thành phố ' +
  'Đồng Hới trong tuần tới, phụ huynh mang theo sổ tiêm chủng và đến đúng giờ theo lịch hẹn của trạm y tế.';

/**
 * The first part of the rumour followed by a calming message: similar to FLOOD_RUMOUR (≈ 0.48, two shared LSH bands)
 * but below the join threshold, so it opens its own case with a "possible duplicate" suggestion.
 */
export const FLOOD_RUMOUR_PARTIAL = FLOOD_RUMOUR.split(' ').slice(0, 32).join(' ') + ' Mọi người bình tĩnh, theo thông báo của huyện thì';
