package org.minyi.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.minyi.statistics.StatisticsService.Report;

/**
 * A report as an Excel workbook with a sheet per table; the same figures as the JSON
 * report.
 */
final class ReportWorkbook {

	/** Who adopted: a committee of this or a higher level. */
	static final Map<String, String> ADOPTION_LEVEL_NAMES = Map.of("committee", "本级政协", "city", "市政协", "province",
			"省政协", "national", "全国政协");

	/**
	 * Who instructed: Party and government leaders of a level, not a committee
	 * (DOMAIN.md, step 8).
	 */
	static final Map<String, String> INSTRUCTION_LEVEL_NAMES = Map.of("district", "区级领导批示", "city", "市级领导批示",
			"province", "省级领导批示", "central", "中央领导批示");

	private ReportWorkbook() {
	}

	static byte[] render(Report report) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet summary = workbook.createSheet("总体情况");
			row(summary, 0, "统计区间", report.period().from() + " 至 " + report.period().to());
			row(summary, 1, "收到信息", report.received());
			int line = 2;
			for (String level : StatisticsService.LEVELS) {
				row(summary, line++, ADOPTION_LEVEL_NAMES.get(level) + "采用", report.adopted().get(level));
				percentRow(summary, line++, ADOPTION_LEVEL_NAMES.get(level) + "采用率",
						report.adoptionRatePercent().get(level));
			}
			for (String level : StatisticsService.INSTRUCTION_LEVELS) {
				row(summary, line++, INSTRUCTION_LEVEL_NAMES.get(level), report.instructionsByLevel().get(level));
			}
			row(summary, line++, "交办事项", report.departmentCases());
			row(summary, line++, "部门办复", report.departmentReplies());
			percentRow(summary, line++, "办复率", report.replyRatePercent());
			row(summary, line, "超期督办", report.overdue());
			table(workbook.createSheet("按来源类型"), "来源类型", report.bySourceType());
			table(workbook.createSheet("按类别"), "类别", report.byCategory());
			table(workbook.createSheet("按单位"), "单位", report.byUnit());
			table(workbook.createSheet("按委员"), "反映人", report.byMember());
			table(workbook.createSheet("委员排名"), "反映人", report.memberRanking());
			table(workbook.createSheet("单位排名"), "单位", report.unitRanking());
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void table(Sheet sheet, String keyLabel, List<StatisticsService.Row> rows) {
		Row header = sheet.createRow(0);
		String[] labels = { keyLabel, "名称", "报送", "本级采用", "得分" };
		for (int i = 0; i < labels.length; i++) {
			header.createCell(i).setCellValue(labels[i]);
		}
		int line = 1;
		for (StatisticsService.Row data : rows) {
			Row row = sheet.createRow(line++);
			row.createCell(0).setCellValue(data.key());
			row.createCell(1).setCellValue(data.name());
			row.createCell(2).setCellValue(data.received());
			row.createCell(3).setCellValue(data.adopted());
			row.createCell(4).setCellValue(data.points().doubleValue());
		}
	}

	/**
	 * The API's figure (66.67) as Excel keeps a percentage: the fraction 0.6667, shown as
	 * 66.67%, so that formulas over the sheet compute with it.
	 */
	private static void percentRow(Sheet sheet, int line, String label, BigDecimal percent) {
		row(sheet, line, label, percent.movePointLeft(2).doubleValue());
		Workbook workbook = sheet.getWorkbook();
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
		sheet.getRow(line).getCell(1).setCellStyle(style);
	}

	private static void row(Sheet sheet, int line, String label, Object value) {
		Row row = sheet.createRow(line);
		row.createCell(0).setCellValue(label);
		if (value instanceof Number number) {
			row.createCell(1).setCellValue(number.doubleValue());
		}
		else {
			row.createCell(1).setCellValue(String.valueOf(value));
		}
	}

}
