package org.qingfeng.calendar;

import java.time.LocalDate;

/**
 * A day that differs from the Monday-to-Friday rule: a statutory holiday ({@code working = false}, e.g. 春节) or a
 * make-up working day on a weekend ({@code working = true}, 调休), with the notice it comes from.
 */
public record CalendarDay(LocalDate date, boolean working, String name, String source) {
}
