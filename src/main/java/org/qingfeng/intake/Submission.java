package org.qingfeng.intake;

import java.util.Date;
import java.util.List;

/**
 * A report as a channel hands it to {@link Intake}: the public page, a staff member entering what a channel
 * received. Attachment names are not kept; the server names the files.
 *
 * @param receivedBy     首问负责: the staff member who received it; null for the public
 * @param idempotencyKey the caller's key, already scoped to the caller; null for none
 */
public record Submission(
        String channel,
        String reporterType,
        Date reportedAt,
        String description,
        String place,
        String departmentId,
        String externalReference,
        boolean anonymous,
        Contact contact,
        List<byte[]> attachments,
        String receivedBy,
        String idempotencyKey) {

    public Submission {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
