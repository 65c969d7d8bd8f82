package org.qingfeng.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.qingfeng.engine.WithoutAuthorization;
import org.springframework.stereotype.Component;

/** People as documents name them: 姓名 from the directory, or the user id when the directory does not know them. */
@Component
public class PersonNames {

    private final IdentityService identity;
    private final WithoutAuthorization withoutAuthorization;

    public PersonNames(IdentityService identity, WithoutAuthorization withoutAuthorization) {
        this.identity = identity;
        this.withoutAuthorization = withoutAuthorization;
    }

    public String of(String userId) {
        if (userId == null) {
            return "";
        }
        // a name on a document the reader may see, whether or not the reader may browse the directory
        User user = withoutAuthorization.call(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).trim();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
