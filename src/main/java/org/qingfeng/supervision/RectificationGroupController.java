package org.qingfeng.supervision;

import org.qingfeng.identity.Visibility;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proposals to form special rectification groups (专项整改小组) and what the supervising leaders decided. */
@RestController
@RequestMapping("/api/rectification-groups")
public class RectificationGroupController {

    private final RectificationGroupProposals proposals;

    private final Visibility visibility;

    public RectificationGroupController(RectificationGroupProposals proposals, Visibility visibility) {
        this.proposals = proposals;
        this.visibility = visibility;
    }

    /** Bureau-wide figures: only for those who see every department (403 for a department's staff). */
    @ModelAttribute
    void bureauWide() {
        visibility.requireAll();
    }

    @GetMapping
    @Operation(summary = "专项整改小组: every proposal, newest first, with the problems behind it and the decision")
    public List<RectificationGroupProposals.Proposal> list() {
        return proposals.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One proposal")
    public RectificationGroupProposals.Proposal one(@PathVariable long id) {
        return proposals.find(id).orElseThrow(() -> new NoSuchElementException("no rectification group proposal " + id));
    }
}
