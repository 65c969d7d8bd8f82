package org.qingfeng.intake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in memory only: {@code perMinute} requests at once, refilled evenly over a minute.
 * Each client's bucket is updated on its own map entry, so a client at its limit never delays another. Idle full
 * buckets are dropped once the map grows, which keeps memory bounded without a clean-up thread.
 */
final class RateLimiter {

    private static final int PRUNE_ABOVE = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private record Bucket(double tokens, long at) {
    }

    RateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request a minute");
        }
        this.capacity = perMinute;
        this.tokensPerNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.nanoTime = nanoTime;
    }

    /** Takes a token for {@code client}: 0 when allowed, else the seconds until the next token. */
    long acquire(String client) {
        long now = nanoTime.getAsLong();
        long[] wait = {0};
        buckets.compute(client, (k, bucket) -> {
            double tokens = bucket == null ? capacity : Math.min(capacity, bucket.tokens() + (now - bucket.at()) * tokensPerNano);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            // a hair below a whole second is that second: floating-point noise must not add one
            wait[0] = Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / TimeUnit.SECONDS.toNanos(1) - 1e-6));
            return new Bucket(tokens, now);
        });
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.entrySet().removeIf(e -> e.getValue().tokens() + (now - e.getValue().at()) * tokensPerNano >= capacity);
        }
        return wait[0];
    }

    int clients() {
        return buckets.size();
    }
}
