package org.qingfeng.calendar;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over HTTP: anyone logged in reads it, editors ({@link CalendarEditors}) change it.
 * Every change recounts the deadlines, timers and due dates already counted in working days.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

    /** The days of a year that differ from Monday to Friday; {@code covered} is false until its notice is loaded. */
    public record Year(int year, boolean covered, List<CalendarDay> days) {
    }

    private final CalendarAdministration administration;
    private final CalendarEditors editors;

    public CalendarController(CalendarAdministration administration, CalendarEditors editors) {
        this.administration = administration;
        this.editors = editors;
    }

    @GetMapping("/{year}")
    @Operation(summary = "工作日历: the holidays and make-up working days of a year, and whether its notice is loaded")
    public Year year(@PathVariable String year) {
        int y = CalendarAdministration.year(year);
        List<CalendarDay> days = administration.year(y);
        return new Year(y, !days.isEmpty(), days);
    }

    @GetMapping("/{year}/changes")
    @Operation(summary = "Who changed which day of the year, when, from what to what (latest first)")
    public List<CalendarDays.Change> changes(@PathVariable String year) {
        return administration.changes(CalendarAdministration.year(year));
    }

    @PutMapping("/days/{date}")
    @Operation(summary = "Sets one day: a holiday (working=false, with its name) or a make-up working day on a weekend")
    public CalendarAdministration.Update setDay(@PathVariable String date,
            @RequestBody CalendarAdministration.DayRequest request) {
        String actor = editors.current();
        return administration.setDay(actor, CalendarAdministration.date("date", date), request);
    }

    @DeleteMapping("/days/{date}")
    @Operation(summary = "Puts one day back to the Monday-to-Friday rule")
    public CalendarAdministration.Update resetDay(@PathVariable String date) {
        String actor = editors.current();
        return administration.resetDay(actor, CalendarAdministration.date("date", date));
    }

    @PutMapping("/{year}")
    @Operation(summary = "Loads a year's notice at once: its days replace all of the year's days")
    public CalendarAdministration.Update loadYear(@PathVariable String year,
            @RequestBody CalendarAdministration.YearRequest request) {
        String actor = editors.current();
        return administration.loadYear(actor, CalendarAdministration.year(year), request);
    }
}
