package org.qingfeng.rectification;

/**
 * Published (synchronously, in the registration's transaction) when a problem has been entered in the ledger with
 * its department and category, for capabilities that react to registrations without the lifecycle knowing them.
 */
public record ProblemRegistered(long problemId, String problemNumber, String departmentId, String category) {
}
