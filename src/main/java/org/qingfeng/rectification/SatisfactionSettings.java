package org.qingfeng.rectification;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How 群众评议 (the reporters' ratings) count on the service recipients' side of 满意度测评; defaults in
 * application.yaml. The 85 % threshold itself is a row of processes/satisfaction-evaluation.dmn.
 *
 * @param publicRatingsWindow  ratings given in this period before the evaluation opens are counted
 * @param publicRatingsAlone   with no survey of service recipients, the ratings alone decide from this many on
 */
@ConfigurationProperties("qingfeng.satisfaction")
public record SatisfactionSettings(Period publicRatingsWindow, int publicRatingsAlone) {

    public SatisfactionSettings {
        if (publicRatingsWindow == null || publicRatingsWindow.isNegative() || publicRatingsWindow.isZero()) {
            throw new IllegalArgumentException("qingfeng.satisfaction.public-ratings-window must be a positive period");
        }
        if (publicRatingsAlone < 1) {
            throw new IllegalArgumentException("qingfeng.satisfaction.public-ratings-alone must be at least 1");
        }
    }
}
