package org.qingfeng.supervision;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Draws a campaign's sample from the problems closed in a half-year: every problem of a category that rebounds
 * easily (易反弹), and of the others a share per department — at least one from each department that closed any —
 * drawn with the category's share as its weight. The draw hashes the half-year with the ledger number, so the same
 * half-year always gives the same sample and one problem more does not reshuffle the rest.
 */
final class RevisitSampler {

    record Candidate(long problemId, String number, String departmentId, String category) {
    }

    /** What the revisit-sampling table says of a category. */
    record Rule(boolean easyToRebound, double share) {
    }

    record Pick(long problemId, boolean easyToRebound) {
    }

    private RevisitSampler() {
    }

    /** The sample, in the order of {@code candidates}. */
    static List<Pick> sample(String seed, List<Candidate> candidates, Function<String, Rule> rules) {
        Map<String, List<Candidate>> byDepartment = new LinkedHashMap<>();
        candidates.forEach(c -> byDepartment.computeIfAbsent(Objects.toString(c.departmentId(), ""), d -> new ArrayList<>()).add(c));
        Map<Long, Boolean> picked = new LinkedHashMap<>();
        for (List<Candidate> department : byDepartment.values()) {
            List<Candidate> others = new ArrayList<>();
            boolean anyEasy = false;
            double expected = 0;
            for (Candidate c : department) {
                Rule rule = rules.apply(c.category());
                if (rule.easyToRebound()) {
                    picked.put(c.problemId(), true);
                    anyEasy = true;
                } else if (rule.share() > 0) {
                    others.add(c);
                    expected += rule.share();
                }
            }
            // half up; the small margin keeps 5 × 0.3 at 2 despite binary fractions
            int count = (int) Math.floor(expected + 0.5 + 1e-9);
            if (!anyEasy && !others.isEmpty()) {
                count = Math.max(count, 1);
            }
            others.stream()
                    .sorted(Comparator.comparingDouble((Candidate c) -> -key(seed, c, rules.apply(c.category()).share()))
                            .thenComparing(Candidate::number))
                    .limit(Math.min(count, others.size()))
                    .forEach(c -> picked.put(c.problemId(), false));
        }
        return candidates.stream().filter(c -> picked.containsKey(c.problemId()))
                .map(c -> new Pick(c.problemId(), picked.get(c.problemId()))).toList();
    }

    /** Weighted random key (Efraimidis–Spirakis): the {@code k} largest keys are a weighted sample of {@code k}. */
    static double key(String seed, Candidate candidate, double weight) {
        return Math.pow(uniform(seed + "/" + candidate.number()), 1 / weight);
    }

    /** A number in (0, 1) that depends on nothing but {@code text}. */
    static double uniform(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(hash).getLong() >>> 11;
            return (bits + 0.5) / (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
