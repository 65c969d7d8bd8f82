package org.qingfeng.supervision;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A half-year (半年度), written {@code 2026-H1} (January to June) or {@code 2026-H2} (July to December). */
public record HalfYear(int year, int half) {

    private static final Pattern KEY = Pattern.compile("(\\d{4})-H([12])");

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("a year has two halves: " + half);
        }
    }

    /** The half-year written in {@code key}, or empty when it is not of the form 2026-H1. */
    public static Optional<HalfYear> parse(String key) {
        Matcher m = key == null ? null : KEY.matcher(key.trim().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HalfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public static HalfYear containing(LocalDate day) {
        return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    /** The first day after the half-year. */
    public LocalDate end() {
        return firstDay().plusMonths(6);
    }

    public String key() {
        return year + "-H" + half;
    }

    /** 2026年上半年. */
    public String label() {
        return year + "年" + (half == 1 ? "上" : "下") + "半年";
    }

    @Override
    public String toString() {
        return key();
    }
}
