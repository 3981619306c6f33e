import {
  CASE_DEADLINE_KIND_LABELS,
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  CONSULTATION_MODE_LABELS,
  HANDLING_ACTION_TYPE_LABELS,
  PRESS_EVENT_KIND_LABELS,
  REMOVAL_OUTCOME_LABELS,
  REPORT_CHANNEL_LABELS,
  TIMELINESS_MEASURE_LABELS,
  type DurationSummaryDto,
  type StatisticsDto,
} from '@phoi-hop/contracts';

/** Names of reference codes as the directory gives them; a code without a name shows as the code. */
export interface ReferenceNames {
  categories: Readonly<Record<string, string>>;
  localities: Readonly<Record<string, string>>;
  agencies: Readonly<Record<string, string>>;
  /** Legal provisions in force by code → their citation (title and article). */
  provisions?: Readonly<Record<string, string>>;
}

export const NO_NAMES: ReferenceNames = { categories: {}, localities: {}, agencies: {}, provisions: {} };

/** One table of the statistics: the same rows go into the report, the .xlsx annex and the .csv. */
export interface StatisticsTable {
  /** Short, stable id (the .xlsx sheet and the .csv's first column). */
  id: string;
  title: string;
  header: string[];
  rows: (string | number)[][];
}

const hours = (value: number | null) => (value === null ? '—' : value.toFixed(1).replace('.', ','));
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1).replace('.', ',')}%`);
const named = (names: Readonly<Record<string, string>>, code: string) => names[code] ?? code;
const summaryCells = (summary: DurationSummaryDto) => [summary.count, hours(summary.medianHours), hours(summary.p90Hours)];

/** The statistics of a period as tables, in the order the report shows them. */
export function statisticsTables(stats: StatisticsDto, names: ReferenceNames = NO_NAMES): StatisticsTable[] {
  const removal = stats.removals;
  return [
    {
      id: 'by_category',
      title: 'Số vụ việc theo loại thông tin',
      header: ['Loại thông tin', 'Số vụ việc'],
      rows: stats.byCategory.map((r) => [named(names.categories, r.code), r.count]),
    },
    {
      id: 'by_locality',
      title: 'Số vụ việc theo địa bàn',
      header: ['Địa bàn', 'Số vụ việc'],
      rows: stats.byLocality.map((r) => [named(names.localities, r.code), r.count]),
    },
    {
      id: 'by_channel',
      title: 'Số vụ việc theo nguồn tiếp nhận',
      header: ['Nguồn tiếp nhận', 'Số vụ việc'],
      rows: stats.byChannel.map((r) => [REPORT_CHANNEL_LABELS[r.channel].vi, r.count]),
    },
    {
      id: 'by_lead_agency',
      title: 'Số vụ việc theo cơ quan chủ trì',
      header: ['Cơ quan chủ trì', 'Số vụ việc'],
      rows: stats.byLeadAgency.map((r) => [named(names.agencies, r.code), r.count]),
    },
    {
      id: 'by_participating_agency',
      title: 'Số vụ việc theo cơ quan phối hợp',
      header: ['Cơ quan phối hợp', 'Số vụ việc'],
      rows: stats.byParticipatingAgency.map((r) => [named(names.agencies, r.code), r.count]),
    },
    {
      id: 'by_status',
      title: 'Tình trạng xử lý',
      header: ['Tình trạng', 'Số vụ việc'],
      rows: stats.byStatus.map((r) => [CASE_STATUS_LABELS[r.status].vi, r.count]),
    },
    {
      id: 'by_outcome',
      title: 'Kết quả xác minh',
      header: ['Kết quả', 'Số vụ việc'],
      rows: stats.byOutcome.map((r) => [CASE_OUTCOME_LABELS[r.outcome].vi, r.count]),
    },
    {
      id: 'timeliness',
      title: 'Thời gian xử lý (giờ)',
      header: ['Chỉ số', 'Số vụ việc', 'Trung vị', 'Phân vị 90'],
      rows: stats.timeliness.map((t) => [TIMELINESS_MEASURE_LABELS[t.measure].vi, ...summaryCells(t.summary)]),
    },
    {
      id: 'overdue',
      title: 'Quá hạn',
      header: ['Bước xử lý', 'Số lần quá hạn'],
      rows: stats.overdue.map((o) => [CASE_DEADLINE_KIND_LABELS[o.kind].vi, o.count]),
    },
    {
      id: 'consultations',
      title: 'Trao đổi, xin ý kiến',
      header: ['Chỉ số', 'Số lượng'],
      rows: [
        ...stats.consultations.held.map((h) => [CONSULTATION_MODE_LABELS[h.mode].vi, h.count]),
        ['Đã thống nhất phương án', stats.consultations.resolved],
        ['Ý kiến được đề nghị', stats.consultations.opinionsRequested],
        ['Trả lời đúng hạn', stats.consultations.answeredOnTime],
        ['Trả lời quá hạn', stats.consultations.answeredLate],
      ],
    },
    {
      id: 'actions',
      title: 'Biện pháp xử lý',
      header: ['Biện pháp', 'Đã giao', 'Hoàn thành', 'Hoàn thành đúng hạn'],
      rows: stats.actions.map((a) => [HANDLING_ACTION_TYPE_LABELS[a.type].vi, a.planned, a.done, a.doneOnTime]),
    },
    {
      id: 'removals',
      title: 'Đề nghị gỡ bỏ thông tin',
      header: ['Chỉ số', 'Giá trị'],
      rows: [
        ['Số đề nghị', removal.requested],
        ...removal.outcomes.map((o) => [REMOVAL_OUTCOME_LABELS[o.outcome].vi, o.count]),
        ['Tỷ lệ được gỡ bỏ', percent(removal.complianceRate)],
        ['Thời gian đến khi gỡ (trung vị, giờ)', hours(removal.timeToEffect.medianHours)],
      ],
    },
    {
      id: 'press',
      title: 'Đạo đức nghề nghiệp người làm báo (Đ6.3)',
      header: ['Sự kiện', 'Số lượng'],
      rows: stats.press.map((p) => [PRESS_EVENT_KIND_LABELS[p.kind].vi, p.count]),
    },
  ];
}
