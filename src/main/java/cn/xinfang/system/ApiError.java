package cn.xinfang.system;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The error body of the public API: {"error": "<Chinese message>", "field": "<field at fault>"}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {
}
