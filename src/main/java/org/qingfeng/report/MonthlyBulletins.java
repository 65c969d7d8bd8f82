package org.qingfeng.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * 月度通报: gathers every {@link BulletinSection} for a month into one .xlsx workbook — an overview sheet first,
 * then one sheet per section — and keeps it in table {@code bulletin} exactly as it was generated, so the document
 * the party committee reviewed can always be opened again.
 */
@Service
public class MonthlyBulletins {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyBulletins.class);

    private final List<BulletinSection> sections;
    private final JdbcTemplate jdbc;

    public MonthlyBulletins(List<BulletinSection> sections, JdbcTemplate jdbc) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(BulletinSection::order)).toList();
        this.jdbc = jdbc;
    }

    /** Generates the month's bulletin from the ledger as it stands and keeps it; a second call keeps a second version. */
    public Bulletin publish(YearMonth month, String generatedBy) {
        List<String> summary = new ArrayList<>();
        byte[] content = workbook(month, summary);
        String fileName = "yuedu-tongbao-" + month + ".xlsx";
        String summaryText = String.join("；", summary);
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into bulletin (period_month, generated_at, generated_by, file_name, summary, content)
                    values (?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setString(1, month.toString());
            statement.setTimestamp(2, now);
            statement.setString(3, generatedBy);
            statement.setString(4, fileName);
            statement.setString(5, summaryText);
            statement.setBytes(6, content);
            return statement;
        }, key);
        long id = key.getKey().longValue();
        LOG.info("monthly bulletin generated month={} id={} bytes={}", month, id, content.length);
        return new Bulletin(id, month, now.toInstant(), generatedBy, fileName, summaryText);
    }

    public Optional<Bulletin> find(long id) {
        return jdbc.query("select id, period_month, generated_at, generated_by, file_name, summary from bulletin where id = ?",
                MonthlyBulletins::bulletin, id).stream().findFirst();
    }

    /** The latest bulletin of each month, newest month first. */
    public List<Bulletin> all() {
        return jdbc.query("""
                select id, period_month, generated_at, generated_by, file_name, summary from bulletin b
                where generated_at = (select max(generated_at) from bulletin l where l.period_month = b.period_month)
                order by period_month desc, id desc""", MonthlyBulletins::bulletin);
    }

    public Optional<byte[]> content(long id) {
        return jdbc.query("select content from bulletin where id = ?", (rs, n) -> rs.getBytes(1), id).stream().findFirst();
    }

    private byte[] workbook(YearMonth month, List<String> summary) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet overview = workbook.createSheet("概况");
            Row title = overview.createRow(0);
            title.createCell(0).setCellValue(month.getYear() + "年" + month.getMonthValue() + "月作风建设月度通报");
            title.getCell(0).setCellStyle(bold);
            int line = 2;
            for (BulletinSection section : sections) {
                List<List<Object>> rows = section.rows(month);
                String sectionSummary = section.summary(month, rows);
                summary.add(sectionSummary);
                overview.createRow(line++).createCell(0).setCellValue(sectionSummary);
                sheet(workbook, bold, section, rows);
            }
            overview.setColumnWidth(0, 80 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bulletin", e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, CellStyle bold, BulletinSection section, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(section.title());
        Row header = sheet.createRow(0);
        List<String> headers = section.headers();
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
            header.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 3 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
        int next = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Number number) {
                    row.createCell(i).setCellValue(number.doubleValue());
                } else {
                    row.createCell(i).setCellValue(value == null ? "" : value.toString());
                }
            }
        }
        if (rows.isEmpty()) {
            sheet.createRow(1).createCell(0).setCellValue("本月无");
        }
    }

    private static Bulletin bulletin(ResultSet rs, int row) throws SQLException {
        return new Bulletin(rs.getLong("id"), YearMonth.parse(rs.getString("period_month")),
                rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by"), rs.getString("file_name"),
                rs.getString("summary"));
    }
}
