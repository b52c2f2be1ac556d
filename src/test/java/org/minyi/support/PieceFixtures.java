package org.minyi.support;

import java.util.HashMap;
import java.util.Map;

import org.minyi.intake.PieceSubmission;

/** A valid piece to start from; each test changes only what it is about. */
public final class PieceFixtures {

	private String title = "关于优化老旧小区加装电梯审批流程的建议";

	private String categoryCode = "urban";

	private String situation = "我区现有老旧小区412个，群众加装电梯意愿强烈，但审批环节多、周期长。";

	private String analysis = "审批涉及规划、住建、市场监管等多个部门，材料重复提交，平均办理时间超过90天。";

	private String suggestions = "建议推行加装电梯“一窗受理、并联审批”，将办理时间压缩至30天以内。";

	private String sourceTypeCode = "member";

	private String sourceUnit = "民进区委会";

	private String channel;

	private String originalSubmitter;

	private String coSubmitters;

	private String urgency = "normal";

	private String confidentiality = "public";

	private PieceFixtures() {
	}

	public static PieceFixtures piece() {
		return new PieceFixtures();
	}

	public PieceFixtures title(String title) {
		this.title = title;
		return this;
	}

	public PieceFixtures situation(String situation) {
		this.situation = situation;
		return this;
	}

	public PieceFixtures sourceType(String sourceTypeCode) {
		this.sourceTypeCode = sourceTypeCode;
		return this;
	}

	public PieceFixtures unit(String sourceUnit) {
		this.sourceUnit = sourceUnit;
		return this;
	}

	public PieceFixtures category(String categoryCode) {
		this.categoryCode = categoryCode;
		return this;
	}

	public PieceFixtures urgent() {
		this.urgency = "urgent";
		return this;
	}

	public PieceFixtures confidential() {
		this.confidentiality = "confidential";
		return this;
	}

	public PieceFixtures coSubmitters(String coSubmitters) {
		this.coSubmitters = coSubmitters;
		return this;
	}

	public PieceFixtures receivedBy(String channel, String originalSubmitter) {
		this.channel = channel;
		this.originalSubmitter = originalSubmitter;
		return this;
	}

	public PieceSubmission build() {
		return new PieceSubmission(this.title, this.categoryCode, this.situation, this.analysis, this.suggestions,
				this.sourceTypeCode, this.sourceUnit, this.channel, this.originalSubmitter, this.coSubmitters,
				this.urgency, this.confidentiality);
	}

	public Map<String, Object> variables() {
		return build().toVariables();
	}

	/**
	 * The variables of a registration task that accepts the piece as the submitter
	 * classified it.
	 */
	public static Map<String, Object> accept(boolean needsVerification) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("registrationDecision", "accept");
		variables.put("needsVerification", needsVerification);
		variables.put("categoryCode", "urban");
		variables.put("sourceTypeCode", "member");
		return variables;
	}

}
