package org.minyi.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;
import org.minyi.common.RuleViolation;

/**
 * What a file is, judged from its bytes and never from its name alone: Tika's
 * magic-number detection, plus a look inside zip containers for Word and Excel (OOXML)
 * parts. Anything not on the list, executables and scripts included, is refused; and the
 * name a file is stored under ends with an extension of what it is, so that no one who
 * downloads image bytes named {@code .bat} runs them.
 */
final class AttachmentTypes {

	/**
	 * An allowed kind of file: the content type stored and served, its name for users,
	 * its extensions.
	 */
	enum Kind {

		PDF("application/pdf", "PDF文档", "pdf"), PNG("image/png", "PNG图片", "png"),
		JPEG("image/jpeg", "JPEG图片", "jpg", "jpeg", "jpe"), GIF("image/gif", "GIF图片", "gif"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word文档", "docx"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel表格", "xlsx"),
		DOC("application/msword", "Word 97-2003文档", "doc"), XLS("application/vnd.ms-excel", "Excel 97-2003表格", "xls");

		private final String contentType;

		private final String displayName;

		/** The first is the one a name without an extension is given. */
		private final List<String> extensions;

		Kind(String contentType, String displayName, String... extensions) {
			this.contentType = contentType;
			this.displayName = displayName;
			this.extensions = List.of(extensions);
		}

		String contentType() {
			return this.contentType;
		}

	}

	/**
	 * What systems take for a file's type: the letters and digits after the name's last
	 * dot. Anything else after a dot ({@code 2026.3月情况}) is part of the name, and the
	 * name gets an extension appended.
	 */
	private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,10})$");

	/**
	 * Windows drops trailing dots and spaces from a name: {@code x.bat.} and
	 * {@code x.bat } are {@code x.bat}.
	 */
	private static final Pattern TRAILING_DOTS_AND_SPACES = Pattern.compile("[.\\p{javaWhitespace}]+$");

	private static final Tika TIKA = new Tika();

	private AttachmentTypes() {
	}

	/** The name as Windows would save it. */
	static String normalized(String filename) {
		return TRAILING_DOTS_AND_SPACES.matcher(filename).replaceFirst("");
	}

	/** The kind of file, or empty when it is not an allowed kind. */
	static Optional<Kind> detect(byte[] content, String filename) {
		String detected = TIKA.detect(content);
		Optional<Kind> direct = Arrays.stream(Kind.values())
			.filter((kind) -> kind.contentType.equals(detected))
			.findFirst();
		if (direct.isPresent()) {
			return direct;
		}
		if (detected.equals("application/zip") || detected.startsWith("application/x-tika-ooxml")) {
			return ooxml(content);
		}
		if (detected.equals("application/x-tika-msoffice")) {
			// An OLE2 container: the legacy Word and Excel formats; the extension says
			// which.
			String name = filename.toLowerCase(Locale.ROOT);
			if (name.endsWith(".doc")) {
				return Optional.of(Kind.DOC);
			}
			if (name.endsWith(".xls")) {
				return Optional.of(Kind.XLS);
			}
		}
		return Optional.empty();
	}

	/**
	 * The name to store a file of this kind under: the name itself when its extension is
	 * one of the kind's, with the kind's extension appended when it has none; another
	 * extension is refused.
	 */
	static String storedName(String filename, Kind kind) {
		Matcher extension = EXTENSION.matcher(filename);
		if (!extension.find()) {
			return filename + "." + kind.extensions.get(0);
		}
		if (kind.extensions.contains(extension.group(1).toLowerCase(Locale.ROOT))) {
			return filename;
		}
		throw new RuleViolation("ATTACHMENT_EXTENSION_MISMATCH", "文件扩展名（." + extension.group(1) + "）与文件内容（"
				+ kind.displayName + "）不符，应为 ." + String.join("、.", kind.extensions));
	}

	private static Optional<Kind> ooxml(byte[] content) {
		boolean contentTypes = false;
		Kind kind = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String name = entry.getName();
				contentTypes |= name.equals("[Content_Types].xml");
				if (name.startsWith("word/")) {
					kind = Kind.DOCX;
				}
				else if (name.startsWith("xl/")) {
					kind = Kind.XLSX;
				}
			}
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
		return contentTypes ? Optional.ofNullable(kind) : Optional.empty();
	}

}
