package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrityLetterDocumentsTests {

    @Test
    void everyCharacterThatCouldOpenMarkupIsEscaped() {
        assertThat(IntegrityLetterDocuments.escapeHtml("<script>alert('x')</script> & \"引号\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;");
        assertThat(IntegrityLetterDocuments.escapeHtml(null)).isEmpty();
    }

    @Test
    void placeholdersAreFilledAndAnUnknownOneIsAnError() {
        assertThat(IntegrityLetterDocuments.fill("{{a}}致{{ b }}：$1\\", Map.of("a", "局纪检监察", "b", "会务中心")))
                .isEqualTo("局纪检监察致会务中心：$1\\");
        assertThatThrownBy(() -> IntegrityLetterDocuments.fill("{{departmentNmae}}", Map.of("departmentName", "x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("departmentNmae");
    }
}
