package org.minyi.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A published issue as a Word document laid out as a bulletin: the marking for
 * confidential content, the masthead, issue number, committee and date, then each piece's
 * title, edited text and source. Text is written as text runs, never interpreted, so
 * markup in a piece stays visible as typed.
 */
@Component
class BulletinDocument {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final String FONT = "SimSun";

	private final String committeeName;

	private final DispatchSettings settings;

	BulletinDocument(@Value("${minyi.committee-name}") String committeeName, DispatchSettings settings) {
		this.committeeName = committeeName;
		this.settings = settings;
	}

	byte[] render(BulletinIssue issue, String publicationName, List<Piece> pieces, java.time.ZoneId zone) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			if (issue.isConfidential()) {
				paragraph(document, ParagraphAlignment.LEFT, this.settings.confidentialMarking(), 12, true);
			}
			paragraph(document, ParagraphAlignment.CENTER, publicationName, 36, true);
			paragraph(document, ParagraphAlignment.CENTER, issue.label(), 14, false);
			paragraph(document, ParagraphAlignment.CENTER,
					this.committeeName + "办公室编        " + DATE.format(issue.publishedAt().atZone(zone)), 12, false);
			for (Piece piece : pieces) {
				PieceText text = piece.currentText();
				paragraph(document, ParagraphAlignment.CENTER, text.title(), 18, true);
				paragraph(document, ParagraphAlignment.BOTH, text.situation(), 14, false);
				paragraph(document, ParagraphAlignment.BOTH, text.analysis(), 14, false);
				paragraph(document, ParagraphAlignment.BOTH, text.suggestions(), 14, false);
				paragraph(document, ParagraphAlignment.RIGHT,
						"（" + (piece.isSourceWithheld() ? "委员反映" : piece.sourceUnit()) + "）", 12, false);
			}
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void paragraph(XWPFDocument document, ParagraphAlignment alignment, String text, int size,
			boolean bold) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setAlignment(alignment);
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setText(text);
	}

}
