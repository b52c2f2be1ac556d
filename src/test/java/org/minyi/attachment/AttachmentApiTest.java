package org.minyi.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@MinyiIntegrationTest
class AttachmentApiTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };

	@Autowired
	TestRestTemplate rest;

	private Object pieceId;

	@BeforeEach
	void submitPiece() {
		this.pieceId = new Http(this.rest).post("wangfang", "/api/pieces", PieceFixtures.piece().build())
			.getBody()
			.get("id");
	}

	@Test
	void shouldStoreAllowedFilesAndServeTheSameBytesAsAttachmentsToReaders() throws IOException {
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] docx = docx();
		ResponseEntity<Map<String, Object>> uploaded = upload("wangfang", "现场照片.png", PNG);
		assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(uploaded.getBody()).containsEntry("contentType", "image/png");
		assertThat(upload("wangfang", "情况说明.pdf", pdf).getBody()).containsEntry("contentType", "application/pdf");
		Map<String, Object> word = upload("wangfang", "调研报告.docx", docx).getBody();
		assertThat(word).containsEntry("contentType",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");

		ResponseEntity<byte[]> download = this.rest.withBasicAuth("liqiang", "demo")
			.exchange("/api/pieces/" + this.pieceId + "/attachments/" + word.get("id"), HttpMethod.GET, null,
					byte[].class);
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getBody()).isEqualTo(docx);
		assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
		assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("调研报告.docx");
		assertThat(download.getHeaders().getContentType().toString())
			.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

		ResponseEntity<byte[]> stranger = this.rest.withBasicAuth("zhaolei", "demo")
			.exchange("/api/pieces/" + this.pieceId + "/attachments/" + word.get("id"), HttpMethod.GET, null,
					byte[].class);
		assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldRefuseExecutablesDisguisedFilesOversizedFilesAndAnEleventhAttachment() throws IOException {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertRefused(upload("wangfang", "说明.pdf", exe), "ATTACHMENT_TYPE_NOT_ALLOWED");
		assertRefused(upload("wangfang", "run.pdf", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)),
				"ATTACHMENT_TYPE_NOT_ALLOWED");
		assertRefused(upload("wangfang", "archive.docx", zipWith("payload.exe")), "ATTACHMENT_TYPE_NOT_ALLOWED");
		assertRefused(upload("wangfang", "page.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
				"ATTACHMENT_TYPE_NOT_ALLOWED");
		byte[] big = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
		ResponseEntity<Map<String, Object>> oversized = upload("wangfang", "big.png", big);
		assertThat(oversized.getStatusCode().is4xxClientError()).isTrue();
		assertThat(oversized.getBody()).containsEntry("code", "ATTACHMENT_TOO_LARGE");
		assertThat(upload("zhaolei", "other.png", PNG).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		for (int i = 0; i < 10; i++) {
			assertThat(upload("wangfang", "photo" + i + ".png", PNG).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}
		ResponseEntity<Map<String, Object>> eleventh = upload("wangfang", "photo10.png", PNG);
		assertThat(eleventh.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(eleventh.getBody()).containsEntry("code", "TOO_MANY_ATTACHMENTS");
		assertThat(new Http(this.rest).getList("wangfang", "/api/pieces/" + this.pieceId + "/attachments").getBody())
			.hasSize(10);
	}

	@Test
	void shouldStoreAFileUnderAnExtensionOfWhatItIsAndRefuseANameThatSaysOtherwise() {
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0,
				1, 0, 1, 0, 0 };

		ResponseEntity<Map<String, Object>> bat = upload("wangfang", "photo.bat", PNG);
		assertRefused(bat, "ATTACHMENT_EXTENSION_MISMATCH");
		assertThat(bat.getBody()).containsEntry("message", "文件扩展名（.bat）与文件内容（PNG图片）不符，应为 .png");
		assertRefused(upload("wangfang", "x.png.hta", PNG), "ATTACHMENT_EXTENSION_MISMATCH");
		assertRefused(upload("wangfang", "photo.bat. . ", PNG), "ATTACHMENT_EXTENSION_MISMATCH");
		assertRefused(upload("wangfang", "扫描件.png", jpeg), "ATTACHMENT_EXTENSION_MISMATCH");
		assertRefused(upload("wangfang", "说明.docx", pdf), "ATTACHMENT_EXTENSION_MISMATCH");
		assertThat(new Http(this.rest).getList("wangfang", "/api/pieces/" + this.pieceId + "/attachments").getBody())
			.as("nothing stored on refusal")
			.isEmpty();

		assertThat(upload("wangfang", "现场照片", PNG).getBody()).containsEntry("filename", "现场照片.png");
		assertThat(upload("wangfang", "关于2026.3月情况", pdf).getBody()).containsEntry("filename", "关于2026.3月情况.pdf");
		assertThat(upload("wangfang", "report.pdf. . ", pdf).getBody()).containsEntry("filename", "report.pdf");
		assertThat(upload("wangfang", "扫描件.JPE", jpeg).getBody()).containsEntry("filename", "扫描件.JPE")
			.containsEntry("contentType", "image/jpeg");
	}

	private ResponseEntity<Map<String, Object>> upload(String userId, String filename, byte[] content) {
		LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return filename;
			}

		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.withBasicAuth(userId, "demo")
			.exchange("/api/pieces/" + this.pieceId + "/attachments", HttpMethod.POST, new HttpEntity<>(body, headers),
					Http.OBJECT);
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, String code) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("code", code);
	}

	static byte[] docx() throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("调研报告正文");
			document.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] zipWith(String entry) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(new byte[] { 'M', 'Z', 0, 0 });
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}
