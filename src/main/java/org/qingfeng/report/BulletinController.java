package org.qingfeng.report;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The monthly bulletins (月度通报) as generated, for the party committee's review task and for managers. */
@RestController
@RequestMapping("/api/bulletins")
public class BulletinController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MonthlyBulletins bulletins;

    public BulletinController(MonthlyBulletins bulletins) {
        this.bulletins = bulletins;
    }

    @Operation(summary = "The latest bulletin of each month, newest first")
    @GetMapping
    public List<Bulletin> all() {
        return bulletins.all();
    }

    @Operation(summary = "One bulletin's document (.xlsx), exactly as it was generated")
    @GetMapping("/{id}/{fileName:.+}")
    public ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String fileName) {
        Bulletin bulletin = bulletins.find(id).filter(b -> b.fileName().equals(fileName))
                .orElseThrow(() -> new NoSuchElementException("no bulletin " + id + "/" + fileName));
        byte[] content = bulletins.content(id).orElseThrow();
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(bulletin.month().getYear() + "年" + bulletin.month().getMonthValue() + "月作风建设月度通报.xlsx",
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
