package org.qingfeng.supervision;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules of the special supervision order (重点问题专项督办单) that an administrator may change; defaults in
 * application.yaml.
 *
 * @param reportCycles    the cycles an order may choose (the values of the start form's 报送周期) and how long each
 *                        runs, as a due date the engine understands ({@code 5 working days}, {@code P7D})
 * @param defaultCycle    the cycle of an order that chose none
 * @param ordererGroups   the groups whose members may order special supervision
 * @param interviewWithin how soon after a missed report the supervising leader holds the interview
 */
@ConfigurationProperties("qingfeng.special-supervision")
public record SpecialSupervisionSettings(
        Map<String, String> reportCycles,
        String defaultCycle,
        List<String> ordererGroups,
        String interviewWithin) {
}
