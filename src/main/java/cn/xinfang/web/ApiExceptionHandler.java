package cn.xinfang.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of our own API as a JSON body with a Chinese message; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), null);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiError> conflict(ConflictException e) {
    return error(HttpStatus.CONFLICT, e.getMessage(), null);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> forbidden(ForbiddenException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage(), null);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), "file");
  }

  /** The multipart parser's own cap (one file and its form): see RequestBodyLimitFilter. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大", "file");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
    return error(HttpStatus.BAD_REQUEST, "请选择要上传的文件（表单字段 file）", "file");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> notMultipart(MultipartException e) {
    if (RequestBodyLimitFilter.isTooLarge(e)) {
      return error(HttpStatus.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.MESSAGE, "file");
    }
    return error(HttpStatus.BAD_REQUEST, "文件须以 multipart/form-data 表单上传（表单字段 file）", "file");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return error(HttpStatus.NOT_FOUND, "请求的地址不存在", null);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    if (RequestBodyLimitFilter.isTooLarge(e)) {
      return error(HttpStatus.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.MESSAGE, null);
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String message =
          mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException
              ? "字段 " + field + " 的取值类型不正确"
              : "字段 " + field + " 无法解析";
      return error(HttpStatus.BAD_REQUEST, message, field);
    }
    return error(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON", null);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求须为 JSON（Content-Type: application/json）", null);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return error(HttpStatus.NOT_ACCEPTABLE, "仅提供 JSON 格式的响应", null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "不支持该请求方法：" + e.getMethod(), null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    LOG.error("unexpected error in the public API", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试", null);
  }

  static ResponseEntity<ApiError> error(HttpStatus status, String message, String field) {
    return ResponseEntity.status(status).body(new ApiError(message, field));
  }
}
