package org.minyi.attachment;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.identity.CurrentUser;
import org.minyi.identity.Role;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceAccess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upload, list and download of a piece's attachments, with the piece's own read rules.
 */
@Service
public class AttachmentService {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_PER_PIECE = 10;

	/** One attachment's description; the bytes are read only when downloaded. */
	public record AttachmentInfo(Long id, Long pieceId, String filename, String contentType, int size,
			String uploadedBy) {
	}

	record Download(AttachmentInfo info, byte[] content) {
	}

	private final JdbcTemplate jdbc;

	private final PieceRepository pieces;

	AttachmentService(JdbcTemplate jdbc, PieceRepository pieces) {
		this.jdbc = jdbc;
		this.pieces = pieces;
	}

	@Transactional
	public AttachmentInfo upload(Long pieceId, String filename, byte[] content, CurrentUser user) {
		Piece piece = readable(pieceId, user);
		if (!piece.credits(user.id()) && !user.hasAnyRole(Role.INFO_SECTION, Role.ADMIN)) {
			throw RuleViolation.forbidden("ATTACHMENT_FORBIDDEN", "只有反映人和信息科可以上传附件");
		}
		if (piece.status() == PieceStatus.ARCHIVED) {
			throw RuleViolation.conflict("PIECE_ARCHIVED", "信息已归档，不能再上传附件");
		}
		String given = AttachmentTypes
			.normalized((filename == null) ? "" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip());
		if (given.isEmpty()) {
			throw nameInvalid();
		}
		if (content == null || content.length == 0) {
			throw new RuleViolation("ATTACHMENT_EMPTY", "文件内容为空");
		}
		if (content.length > MAX_BYTES) {
			throw new RuleViolation("ATTACHMENT_TOO_LARGE", "附件不能超过10MB");
		}
		AttachmentTypes.Kind kind = AttachmentTypes.detect(content, given)
			.orElseThrow(() -> new RuleViolation("ATTACHMENT_TYPE_NOT_ALLOWED",
					"只能上传PDF、图片（PNG、JPEG、GIF）和Word、Excel文件；文件类型按内容识别，与扩展名无关"));
		String name = AttachmentTypes.storedName(given, kind);
		if (name.length() > 200) {
			throw nameInvalid();
		}
		// Counting under a lock on the piece, so two parallel uploads cannot make it
		// eleven.
		this.jdbc.queryForObject("SELECT id FROM minyi_piece WHERE id = ? FOR UPDATE", Long.class, pieceId);
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_attachment WHERE piece_id = ?",
				Integer.class, pieceId);
		if (count != null && count >= MAX_PER_PIECE) {
			throw RuleViolation.conflict("TOO_MANY_ATTACHMENTS", "每条信息最多上传10个附件");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var insert = connection.prepareStatement(
					"""
							INSERT INTO minyi_attachment (piece_id, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
							VALUES (?, ?, ?, ?, ?, ?, ?)""",
					new String[] { "id" });
			insert.setLong(1, pieceId);
			insert.setString(2, name);
			insert.setString(3, kind.contentType());
			insert.setInt(4, content.length);
			insert.setBytes(5, content);
			insert.setString(6, user.id());
			insert.setTimestamp(7, Timestamp.from(EngineTime.instant()));
			return insert;
		}, key);
		return new AttachmentInfo(key.getKey().longValue(), pieceId, name, kind.contentType(), content.length,
				user.id());
	}

	@Transactional(readOnly = true)
	public List<AttachmentInfo> list(Long pieceId, CurrentUser user) {
		readable(pieceId, user);
		return this.jdbc.query("""
				SELECT id, piece_id, filename, content_type, size_bytes, uploaded_by
				FROM minyi_attachment WHERE piece_id = ? ORDER BY id""", (row, i) -> new AttachmentInfo(row.getLong(1),
				row.getLong(2), row.getString(3), row.getString(4), row.getInt(5), row.getString(6)), pieceId);
	}

	@Transactional(readOnly = true)
	Download download(Long pieceId, Long attachmentId, CurrentUser user) {
		readable(pieceId, user);
		Optional<Download> download = this.jdbc
			.query("""
					SELECT id, piece_id, filename, content_type, size_bytes, uploaded_by, content
					FROM minyi_attachment WHERE id = ? AND piece_id = ?""",
					(row, i) -> new Download(new AttachmentInfo(row.getLong(1), row.getLong(2), row.getString(3),
							row.getString(4), row.getInt(5), row.getString(6)), row.getBytes(7)),
					attachmentId, pieceId)
			.stream()
			.findFirst();
		return download.orElseThrow(() -> RuleViolation.notFound("ATTACHMENT_NOT_FOUND", "附件不存在"));
	}

	private static RuleViolation nameInvalid() {
		return new RuleViolation("ATTACHMENT_NAME_INVALID", "文件名不能为空且不能超过200个字符");
	}

	private Piece readable(Long pieceId, CurrentUser user) {
		return this.pieces.findById(pieceId)
			.filter((piece) -> PieceAccess.canRead(piece, user.id(), user.groupIds()))
			.orElseThrow(() -> RuleViolation.notFound("PIECE_NOT_FOUND", "信息不存在或无权查看"));
	}

}
