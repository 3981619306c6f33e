import ExcelJS from 'exceljs';
import type { StatisticsTable } from './statistics-tables';

/** The statistics annex as an .xlsx workbook: one sheet per table, its header bold and frozen. */
export async function statisticsWorkbook(title: string, tables: readonly StatisticsTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phối Hợp';
  workbook.title = title;
  for (const table of tables) {
    // Sheet names: at most 31 characters, unique: the table ids are both.
    const sheet = workbook.addWorksheet(table.id, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow([table.title]).font = { bold: true, size: 13, name: 'Times New Roman' };
    const header = sheet.addRow(table.header);
    header.font = { bold: true, name: 'Times New Roman' };
    for (const row of table.rows) sheet.addRow(row).font = { name: 'Times New Roman' };
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 48 : 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The statistics as one .csv (UTF-8 with a byte-order mark, so spreadsheet programs read the
 * Vietnamese right): table, row label, column, value, one figure a line.
 */
export async function statisticsCsv(tables: readonly StatisticsTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('statistics');
  sheet.addRow(['table', 'row', 'column', 'value']);
  for (const table of tables) {
    for (const row of table.rows) {
      row.slice(1).forEach((value, index) => sheet.addRow([table.id, String(row[0]), table.header[index + 1] ?? '', value]));
    }
  }
  const csv = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]);
}
