package org.qingfeng.supervision;

import org.qingfeng.identity.Visibility;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.qingfeng.ledger.api.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The half-year revisit campaigns (整改回头看) over HTTP. */
@RestController
@RequestMapping("/api/revisit-campaigns")
public class RevisitCampaignController {

    private final RevisitCampaignOverview overview;

    private final Visibility visibility;

    public RevisitCampaignController(RevisitCampaignOverview overview, Visibility visibility) {
        this.overview = overview;
        this.visibility = visibility;
    }

    /** Bureau-wide figures: only for those who see every department (403 for a department's staff). */
    @ModelAttribute
    void bureauWide() {
        visibility.requireAll();
    }

    @GetMapping
    @Operation(summary = "整改回头看: every campaign, newest first, with how many problems it sampled, revisited and found rebounded")
    public List<RevisitCampaignOverview.Campaign> campaigns(
            @Parameter(description = "only the campaigns of this half-year, e.g. 2026-H1") @RequestParam(required = false) String half) {
        if (half == null || half.isBlank()) {
            return overview.all(null);
        }
        return overview.all(HalfYear.parse(half)
                .orElseThrow(() -> new BadParameterException("half", "half-year must look like 2026-H1 or 2026-H2: " + half)));
    }
}
