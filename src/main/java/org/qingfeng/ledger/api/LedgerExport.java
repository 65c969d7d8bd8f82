package org.qingfeng.ledger.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.qingfeng.ledger.LedgerQueries;
import org.qingfeng.ledger.ProblemFilter;
import org.qingfeng.ledger.ProblemRow;
import org.springframework.stereotype.Component;

/** Writes a filtered ledger list as .xlsx or CSV, with Chinese headers and readable dates and statuses. */
@Component
public class LedgerExport {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private record Column(String header, Function<ProblemRow, Object> value) {
    }

    private final LedgerQueries queries;
    private final List<Column> columns;

    public LedgerExport(LedgerQueries queries, LedgerLabels labels) {
        this.queries = queries;
        this.columns = List.of(
                new Column("台账编号", ProblemRow::number),
                new Column("状态", r -> labels.status(r.status())),
                new Column("环节", r -> labels.stage(r.stage())),
                new Column("是否逾期", r -> r.overdue() ? "逾期" : ""),
                new Column("预警", r -> labels.warning(r.warningColour())),
                new Column("发现渠道", r -> labels.channel(r.channel())),
                new Column("反映人类别", r -> labels.reporterType(r.reporterType())),
                new Column("问题类别", r -> labels.category(r.category())),
                new Column("严重程度", r -> labels.severity(r.severity())),
                new Column("责任科室", ProblemRow::departmentName),
                new Column("整改责任人", ProblemRow::responsiblePerson),
                new Column("问题描述", ProblemRow::description),
                new Column("发现时间", r -> time(r.reportedAt())),
                new Column("登记时间", r -> time(r.registeredAt())),
                new Column("整改时限", r -> time(r.deadline())),
                new Column("销号时间", r -> time(r.closedAt())),
                new Column("按期销号", r -> r.closedOnTime() == null ? "" : r.closedOnTime() ? "是" : "否"),
                new Column("催办次数", ProblemRow::reminderCount),
                new Column("延期次数", ProblemRow::extensionCount),
                new Column("约谈层级", ProblemRow::escalationLevel),
                new Column("整改轮次", ProblemRow::rectificationRound),
                new Column("反弹自", ProblemRow::reboundOf),
                new Column("合并至", ProblemRow::mergedInto));
    }

    public void csv(ProblemFilter filter, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff'); // lets spreadsheet programs recognise UTF-8
        writer.write(String.join(",", columns.stream().map(Column::header).toList()));
        writer.write("\r\n");
        queries.forEach(filter, row -> {
            try {
                writer.write(String.join(",", columns.stream().map(c -> csvField(c.value().apply(row))).toList()));
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    public void xlsx(ProblemFilter filter, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("问题台账");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).header());
                header.getCell(i).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            queries.forEach(filter, row -> {
                Row line = sheet.createRow(next[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = columns.get(i).value().apply(row);
                    if (value instanceof Number number) {
                        line.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        line.createCell(i).setCellValue(value == null ? "" : value.toString());
                    }
                }
            });
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    private static String csvField(Object value) {
        String text = value == null ? "" : value.toString();
        // a leading formula character would be executed by spreadsheet programs
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
