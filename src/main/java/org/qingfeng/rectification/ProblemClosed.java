package org.qingfeng.rectification;

/**
 * Published (synchronously, in the closure's transaction) when a problem has been closed (销号), so that whatever
 * follows the problem — a special supervision order, say — can end with it.
 */
public record ProblemClosed(long problemId, String problemNumber) {
}
