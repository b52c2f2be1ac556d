package org.minyi.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.minyi.attachment.AttachmentService.AttachmentInfo;
import org.minyi.common.RuleViolation;
import org.minyi.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments through the API; downloads are always attachments, with the type found at
 * upload.
 */
@RestController
class AttachmentApiController {

	private final AttachmentService attachments;

	AttachmentApiController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/api/pieces/{id}/attachments")
	ResponseEntity<AttachmentInfo> upload(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user) {
		if (file == null) {
			throw new RuleViolation("ATTACHMENT_REQUIRED", "请选择要上传的文件（表单字段 file）");
		}
		try {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(this.attachments.upload(id, file.getOriginalFilename(), file.getBytes(), user));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/api/pieces/{id}/attachments")
	List<AttachmentInfo> list(@PathVariable long id, CurrentUser user) {
		return this.attachments.list(id, user);
	}

	@GetMapping("/api/pieces/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
		AttachmentService.Download download = this.attachments.download(id, attachmentId, user);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.info().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.info().filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(download.content());
	}

}
