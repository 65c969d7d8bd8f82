package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The public complaint page is served without login, under a strict Content-Security-Policy. */
class PublicPageTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate rest;

    @Test
    void publicLeadsToThePage() {
        // the template follows the redirect to /public/
        ResponseEntity<String> answer = rest.getForEntity("/public", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("<title>作风问题反映 · 清风</title>");
    }

    @Test
    void pageIsServedWithoutLoginUnderAStrictPolicy() {
        ResponseEntity<String> page = rest.getForEntity("/public/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("我要反映").contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'self';");
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void scriptsNeverWriteMarkupNorEvaluateText() {
        for (String module : new String[] {"app.js", "api.js", "dom.js", "report.js", "status.js"}) {
            ResponseEntity<String> script = rest.getForEntity("/public/" + module, String.class);

            assertThat(script.getStatusCode()).as(module).isEqualTo(HttpStatus.OK);
            assertThat(script.getHeaders().getContentType().toString()).as(module).contains("javascript");
            assertThat(script.getBody()).as(module).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "eval(", "new Function");
        }
    }
}
