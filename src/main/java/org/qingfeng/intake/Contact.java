package org.qingfeng.intake;

/** A reporter's contact data. Never logged, never a process variable; at rest only sealed by {@link ContactCipher}. */
public record Contact(String name, String phone, String email) {

    public Contact {
        name = blankToNull(name);
        phone = blankToNull(phone);
        email = blankToNull(email);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return name == null && phone == null && email == null;
    }

    /** The contact as everyone but the work-style office sees it: 张*, 138****5678, z***@example.com. */
    public Contact masked() {
        return new Contact(maskName(name), maskPhone(phone), maskEmail(email));
    }

    @Override
    public String toString() {
        return "Contact[masked]";
    }

    static String maskName(String name) {
        if (name == null) {
            return null;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.substring(0, 1) + "***" + email.substring(at);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
