package org.qingfeng.intake;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Rules of the intake that an administrator may change; defaults in application.yaml.
 *
 * @param replyWithin        限时答复: the reporter gets a reply within this time ({@code 5 working days})
 * @param maxTextLength      the longest description, in characters
 * @param maxPlaceLength     the longest place, in characters
 * @param maxCommentLength   the longest comment of a rating, in characters
 * @param maxAttachments     how many files one report may carry
 * @param maxAttachmentSize  the largest single file
 * @param maxTotalSize       the largest sum of a report's files
 * @param reportsPerMinute   public reports one client may send per minute
 * @param queriesPerMinute   public status queries and ratings one client may send per minute
 * @param trustedProxies     addresses of reverse proxies whose X-Forwarded-For names the client; empty: none
 * @param contactKey         AES key (Base64, 16/24/32 bytes) sealing reporters' contact data
 * @param contactKeyFile     where a key is generated once when none is configured; empty: a missing key fails start-up
 */
@ConfigurationProperties("qingfeng.intake")
public record IntakeSettings(
        String replyWithin,
        int maxTextLength,
        int maxPlaceLength,
        int maxCommentLength,
        int maxAttachments,
        DataSize maxAttachmentSize,
        DataSize maxTotalSize,
        int reportsPerMinute,
        int queriesPerMinute,
        List<String> trustedProxies,
        String contactKey,
        String contactKeyFile) {

    private static final Pattern WORKING_DAYS = Pattern.compile("\\s*(\\d{1,3}) working days?\\s*");

    public IntakeSettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        replyWorkingDays(replyWithin);
    }

    /** 限时答复 in working days. */
    public int replyWithinWorkingDays() {
        return replyWorkingDays(replyWithin);
    }

    private static int replyWorkingDays(String text) {
        Matcher m = WORKING_DAYS.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("qingfeng.intake.reply-within must read \"N working days\", not " + text);
        }
        return Integer.parseInt(m.group(1));
    }
}
