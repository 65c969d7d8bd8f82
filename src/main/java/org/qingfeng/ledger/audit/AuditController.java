package org.qingfeng.ledger.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.qingfeng.identity.Groups;
import org.qingfeng.ledger.api.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks the audit trail's hash chain; for the work-style office, discipline inspection and administrators. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private static final Set<String> VERIFIERS = Set.of(Groups.WORK_STYLE_OFFICE, Groups.DISCIPLINE_INSPECTION,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);

    private final AuditVerification verification;
    private final IdentityService identity;

    public AuditController(AuditVerification verification, IdentityService identity) {
        this.verification = verification;
        this.identity = identity;
    }

    @GetMapping("/verify")
    @Operation(summary = "审计日志校验: recomputes the whole hash chain and names the first entry that does not hold")
    public ResponseEntity<?> verify() {
        Authentication auth = identity.getCurrentAuthentication();
        List<String> groups = auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (groups.stream().noneMatch(VERIFIERS::contains)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(HttpStatus.FORBIDDEN.value(),
                    HttpStatus.FORBIDDEN.getReasonPhrase(), "只有作风办、纪检监察或系统管理员可以校验审计日志", null));
        }
        return ResponseEntity.ok(verification.verify());
    }
}
