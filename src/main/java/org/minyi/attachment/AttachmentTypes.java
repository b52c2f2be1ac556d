package org.minyi.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;

/**
 * What a file is, judged from its bytes and never from its name alone: Tika's magic-number detection,
 * plus a look inside zip containers for Word and Excel (OOXML) parts. Anything not on the list,
 * executables and scripts included, is refused.
 */
final class AttachmentTypes {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final Map<String, String> DIRECT = Map.of("application/pdf", "application/pdf", "image/png",
			"image/png", "image/jpeg", "image/jpeg", "image/gif", "image/gif");

	private static final Tika TIKA = new Tika();

	private AttachmentTypes() {
	}

	/** The content type to store and serve, or empty when the file is not an allowed kind. */
	static Optional<String> detect(byte[] content, String filename) {
		String detected = TIKA.detect(content);
		if (DIRECT.containsKey(detected)) {
			return Optional.of(DIRECT.get(detected));
		}
		if (detected.equals("application/zip") || detected.startsWith("application/x-tika-ooxml")) {
			return ooxml(content);
		}
		if (detected.equals("application/x-tika-msoffice")) {
			// An OLE2 container: the legacy Word and Excel formats; the extension says which.
			String name = filename.toLowerCase(Locale.ROOT);
			if (name.endsWith(".doc")) {
				return Optional.of("application/msword");
			}
			if (name.endsWith(".xls")) {
				return Optional.of("application/vnd.ms-excel");
			}
		}
		return Optional.empty();
	}

	private static Optional<String> ooxml(byte[] content) {
		boolean contentTypes = false;
		String kind = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String name = entry.getName();
				contentTypes |= name.equals("[Content_Types].xml");
				if (name.startsWith("word/")) {
					kind = DOCX;
				}
				else if (name.startsWith("xl/")) {
					kind = XLSX;
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
