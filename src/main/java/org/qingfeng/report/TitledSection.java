package org.qingfeng.report;

import java.util.List;

/** A bulletin section whose position, sheet name and headers are fixed; only its rows depend on the month. */
public abstract class TitledSection implements BulletinSection {

    private final int order;
    private final String title;
    private final List<String> headers;

    protected TitledSection(int order, String title, List<String> headers) {
        this.order = order;
        this.title = title;
        this.headers = headers;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> headers() {
        return headers;
    }
}
