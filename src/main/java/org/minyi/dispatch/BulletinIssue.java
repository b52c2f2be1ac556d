package org.minyi.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A published issue of a publication: 《社情民意》2026年第12期 and the pieces it carries, in
 * order.
 */
@Entity
@Table(name = "minyi_bulletin_issue")
public class BulletinIssue {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String publicationCode;

	private int issueYear;

	private int issueNumber;

	private boolean confidential;

	private Instant publishedAt;

	private String publishedBy;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "minyi_issue_piece", joinColumns = @JoinColumn(name = "issue_id"))
	@OrderColumn(name = "position")
	@Column(name = "piece_id")
	private List<Long> pieceIds = new ArrayList<>();

	protected BulletinIssue() {
	}

	BulletinIssue(String publicationCode, int issueYear, int issueNumber, boolean confidential, List<Long> pieceIds,
			Instant publishedAt, String publishedBy) {
		this.publicationCode = publicationCode;
		this.issueYear = issueYear;
		this.issueNumber = issueNumber;
		this.confidential = confidential;
		this.pieceIds = new ArrayList<>(pieceIds);
		this.publishedAt = publishedAt;
		this.publishedBy = publishedBy;
	}

	public Long id() {
		return this.id;
	}

	public String publicationCode() {
		return this.publicationCode;
	}

	public int issueYear() {
		return this.issueYear;
	}

	public int issueNumber() {
		return this.issueNumber;
	}

	/** As printed on the masthead: 2026年第12期. */
	public String label() {
		return this.issueYear + "年第" + this.issueNumber + "期";
	}

	public boolean isConfidential() {
		return this.confidential;
	}

	public Instant publishedAt() {
		return this.publishedAt;
	}

	public List<Long> pieceIds() {
		return List.copyOf(this.pieceIds);
	}

}
