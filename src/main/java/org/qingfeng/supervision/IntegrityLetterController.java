package org.qingfeng.supervision;

import org.qingfeng.identity.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;
import org.qingfeng.ledger.api.BadParameterException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 廉洁提醒函 over HTTP: the list, one letter's timeline and the printable letter as it was sent. */
@RestController
@RequestMapping("/api/integrity-letters")
public class IntegrityLetterController {

    /** The stored letter is served as it is; nothing in it may run or load anything. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private final IntegrityLetters letters;
    private final Visibility visibility;

    public IntegrityLetterController(IntegrityLetters letters, Visibility visibility) {
        this.letters = letters;
        this.visibility = visibility;
    }

    @GetMapping
    @Operation(summary = "廉洁提醒函台账: the letters, newest first")
    public List<IntegrityLetter> list(
            @Parameter(description = "only this department's letters") @RequestParam(required = false) String departmentId,
            @Parameter(description = "only letters raised in this month, yyyy-MM") @RequestParam(required = false) String month) {
        YearMonth raisedIn = null;
        if (month != null && !month.isBlank()) {
            try {
                raisedIn = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                throw new BadParameterException("month", "month must be a month like 2026-03: " + month);
            }
        }
        String department = departmentId == null || departmentId.isBlank() ? null : departmentId.trim();
        Visibility.Scope scope = visibility.current();
        if (department != null) {
            scope.require(department);
        }
        return letters.list(department, raisedIn).stream().filter(letter -> scope.sees(letter.departmentId())).toList();
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "One letter's timeline: raised, sent, replied, reviewed, escalated, closed — who and when")
    public List<IntegrityLetters.Event> timeline(@PathVariable String id) {
        return letters.events(letter(id).id());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The printable letter (HTML) exactly as it was sent")
    public ResponseEntity<byte[]> document(@PathVariable String id) {
        IntegrityLetter letter = letter(id);
        byte[] document = letters.document(letter.id())
                .orElseThrow(() -> new NoSuchElementException("integrity letter " + letter.number() + " has not been sent"));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("廉洁提醒函-" + letter.number() + ".html", StandardCharsets.UTF_8).build().toString())
                .body(document);
    }

    private IntegrityLetter letter(String id) {
        long letterId;
        try {
            letterId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BadParameterException("id", "id must be a number: " + id);
        }
        // another department's letter is not found, as another department's problem is not
        return letters.find(letterId).filter(letter -> visibility.current().sees(letter.departmentId())).orElseThrow(() -> new NoSuchElementException("no integrity letter " + id));
    }
}
