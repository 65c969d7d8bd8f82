package org.qingfeng.supervision;

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

    public RectificationGroupController(RectificationGroupProposals proposals) {
        this.proposals = proposals;
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
