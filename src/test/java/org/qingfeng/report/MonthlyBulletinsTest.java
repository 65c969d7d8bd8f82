package org.qingfeng.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The monthly bulletin is a workbook with an overview and one sheet per section, kept and served as generated.
 * June 2025 is a month no other test looks at: generating a bulletin freezes the month's rates.
 */
class MonthlyBulletinsTest extends ProcessTestSupport {

    @Autowired
    MonthlyBulletins bulletins;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aBulletinIsKeptAndDownloadedAsGenerated() throws Exception {
        moveClockTo(LocalDateTime.of(2025, 7, 1, 9, 0));
        Bulletin bulletin = bulletins.publish(YearMonth.of(2025, 6), "zhoumin");

        assertThat(bulletin.summary()).contains("整改率排名", "月末逾期未销号问题", "因整改逾期约谈", "回头看发现反弹");
        ResponseEntity<byte[]> download = rest.withBasicAuth("zhangwei", "qingfeng")
                .getForEntity(bulletin.downloadPath(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("2025年6月作风建设月度通报.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getBody()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).startsWith("概况", "整改率排名", "整改率未达标科室", "逾期问题", "逾期约谈")
                    .contains("问题反弹", "问责情况", "作风观察名单和取消评优");
            Sheet ranking = workbook.getSheet("整改率排名");
            Row header = ranking.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("排名");
            // every department of the organisation is ranked
            assertThat(ranking.getLastRowNum()).isEqualTo(7);
            assertThat(workbook.getSheet("概况").getRow(0).getCell(0).getStringCellValue()).isEqualTo("2025年6月作风建设月度通报");
        }
        assertThat(bulletins.all()).extracting(Bulletin::id).contains(bulletin.id());
    }

    @Test
    void theDocumentOpensFromATasklistSessionButNotAnonymously() {
        moveClockTo(LocalDateTime.of(2025, 7, 1, 9, 0));
        Bulletin bulletin = bulletins.publish(YearMonth.of(2025, 6), "zhoumin");

        assertThat(rest.getForEntity(bulletin.downloadPath(), byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity(bulletin.downloadPath().replace(bulletin.fileName(), "other.xlsx"), byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        HttpHeaders session = tasklistLogin("zhangwei", "qingfeng");
        ResponseEntity<byte[]> download = rest.exchange(bulletin.downloadPath(), HttpMethod.GET, new HttpEntity<>(session), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isNotEmpty();
        ResponseEntity<String> missing = rest.exchange("/api/bulletins/" + bulletin.id() + "/other.xlsx", HttpMethod.GET,
                new HttpEntity<>(session), String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Logs in as the Tasklist page does: CSRF token from a first request, then the login form; returns the session cookie. */
    private HttpHeaders tasklistLogin(String user, String password) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        cookies(page, cookies);
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        cookies.forEach((name, value) -> form.add(HttpHeaders.COOKIE, name + "=" + value));
        LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>(Map.of("username", List.of(user), "password", List.of(password)));
        ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(body, form), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        cookies(login, cookies);
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookies.get("JSESSIONID"));
        return session;
    }

    private static void cookies(ResponseEntity<?> response, Map<String, String> cookies) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (set != null) {
            set.stream().map(c -> c.split(";", 2)[0].split("=", 2)).forEach(c -> cookies.put(c[0], c[1]));
        }
    }
}
