package cn.xinfang.attachment;

import cn.xinfang.web.UploadCap;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart parsing for the upload endpoints, from the attachment limits rather than a second
 * setting that could drift: a request carries one file of at most
 * petition.attachments.max-file-size and the form around it ({@link UploadCap}) , and stays in
 * memory (no temporary file on disk, where another account might read it). Parsing happens only
 * when an upload endpoint asks for the file (spring.servlet.multipart.resolve-lazily), and the
 * request body filter keeps every other /api path at its small cap.
 */
@Configuration
class AttachmentConfiguration {

  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentProperties limits) {
    long cap = UploadCap.of(limits.maxFileSize());
    int inMemory = (int) Math.min(Integer.MAX_VALUE, cap + 1);
    return new MultipartConfigElement("", cap, cap, inMemory);
  }
}
