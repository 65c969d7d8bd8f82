package org.qingfeng.ledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape of Qingfeng's own API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String parameter) {
}
