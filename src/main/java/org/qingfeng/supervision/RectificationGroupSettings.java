package org.qingfeng.supervision;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a recurring problem (反复出现的问题) makes the case for a special rectification group (专项整改小组); defaults
 * in application.yaml.
 *
 * @param threshold    registered problems of one category in one department …
 * @param window       … within this period before the latest registration
 * @param decideWithin how soon the supervising leader decides, as a due date the engine understands
 */
@ConfigurationProperties("qingfeng.rectification-group")
public record RectificationGroupSettings(int threshold, Period window, String decideWithin) {
}
