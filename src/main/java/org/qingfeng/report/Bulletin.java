package org.qingfeng.report;

import java.time.Instant;
import java.time.YearMonth;

/** A generated monthly bulletin; the document itself is downloaded from {@link #downloadPath()}. */
public record Bulletin(long id, YearMonth month, Instant generatedAt, String generatedBy, String fileName, String summary) {

    public String downloadPath() {
        return "/api/bulletins/" + id + "/" + fileName;
    }
}
