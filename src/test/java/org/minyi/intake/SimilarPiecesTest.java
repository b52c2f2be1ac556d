package org.minyi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The duplicate check leaks nothing (issue 17): similar pieces reach only the registrar,
 * through {@code GET /api/pieces/{id}/similar}, only as far as she may read them, and are
 * stored nowhere that another reader of the process could find them; what older
 * installations stored is deleted at startup.
 */
@MinyiIntegrationTest
class SimilarPiecesTest {

	private static final String SUBMITTER = "wangfang";

	private static final String OTHER_SUBMITTER = "zhaolei";

	private static final String REGISTRAR = "liqiang";

	private static final String VERIFIER = "zhoumin";

	private static final String SUPERVISOR = "zhengyu";

	private static final String RETIRED = PieceProcess.RETIRED_DUPLICATE_CANDIDATES;

	private static final String PAGE = "firstResult=0&maxResults=100";

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	DuplicateFinder duplicates;

	@Autowired
	RetiredVariables retiredVariables;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	Http http;

	@Test
	void shouldShowSimilarPiecesOnlyToTheRegistrarAndStoreThemNowhere() {
		Piece secret = registered(OTHER_SUBMITTER,
				PieceFixtures.piece()
					.title("关于东湖片区地块涉密工程选址情况的报告")
					.situation("东湖片区地块拟建涉密工程，周边群众对选址和施工安排议论较多。")
					.confidential());
		Piece open = registered(OTHER_SUBMITTER,
				PieceFixtures.piece().title("关于东湖片区地块工程选址情况的建议").situation("东湖片区地块拟建工程，周边群众对选址和施工安排议论较多。"));
		// A member guesses the wording of a piece he may not read, hoping the duplicate
		// check names it.
		ProcessInstance guess = submit(SUBMITTER,
				PieceFixtures.piece().title("关于东湖片区地块涉密工程选址的建议").situation("东湖片区地块拟建涉密工程，周边群众议论较多。"));
		long guessId = piece(guess).id();
		String task = this.lifecycle.task(guess.getId()).getId();

		List<String> secrets = List.of(secret.originalText().title(), secret.registrationNumber(),
				open.originalText().title(), open.registrationNumber(), RETIRED, "相似度");
		for (String reader : List.of(SUBMITTER, VERIFIER, SUPERVISOR, REGISTRAR)) {
			routes(reader, guess.getId(), task, guessId)
				.forEach((route, body) -> assertThat(body).as(reader + ": " + route).doesNotContain(secrets));
		}

		for (String outsider : List.of(SUBMITTER, VERIFIER, SUPERVISOR, "chenjun", "sunli", "wuhao")) {
			ResponseEntity<Map<String, Object>> refused = this.http.get(outsider,
					"/api/pieces/" + guessId + "/similar");
			assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(refused.getBody()).as(outsider).containsEntry("code", "SIMILAR_PIECES_FORBIDDEN");
			// Not even whether a piece exists.
			assertThat(this.http.get(outsider, "/api/pieces/999999999/similar").getStatusCode()).as(outsider)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}

		assertThat(this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.getForEntity("/api/pieces/" + guessId + "/similar", String.class)
			.getStatusCode()).as("administrators do not register").isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<List<Map<String, Object>>> similar = this.http.getList(REGISTRAR,
				"/api/pieces/" + guessId + "/similar");
		assertThat(similar.getStatusCode()).isEqualTo(HttpStatus.OK);
		// The info-section is cleared for confidential pieces (PieceAccess): the
		// registrar sees both.
		assertThat(similar.getBody()).filteredOn((item) -> ((Number) item.get("id")).longValue() == secret.id())
			.singleElement()
			.satisfies((item) -> {
				assertThat(item).containsEntry("registrationNumber", secret.registrationNumber())
					.containsEntry("title", secret.originalText().title());
				assertThat(((Number) item.get("similarityPercent")).intValue()).isBetween(30, 100);
			});
		assertThat(similar.getBody()).extracting((item) -> item.get("registrationNumber"))
			.contains(open.registrationNumber());
		ResponseEntity<Map<String, Object>> unknown = this.http.get(REGISTRAR, "/api/pieces/999999999/similar");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).containsEntry("code", "PIECE_NOT_FOUND");
		assertThat(this.http.get(REGISTRAR, "/api/pieces/0x" + Long.toHexString(guessId) + "/similar").getBody())
			.containsEntry("code", "INVALID_PARAMETER");
	}

	/**
	 * Every registrar is cleared today, so the reader's own access decides through
	 * {@code PieceAccess}, as for any reader: someone who may not read a confidential
	 * piece is never offered it as similar.
	 */
	@Test
	void shouldOfferOnlyPiecesTheReaderMayRead() {
		Piece secret = registered(OTHER_SUBMITTER,
				PieceFixtures.piece()
					.title("关于西山水库涉密管线改线情况的报告")
					.situation("西山水库拟对涉密管线改线，沿线村民对征地补偿和施工期限议论较多。")
					.confidential());
		Piece open = registered(OTHER_SUBMITTER,
				PieceFixtures.piece().title("关于西山水库管线改线情况的建议").situation("西山水库拟对管线改线，沿线村民对征地补偿和施工期限议论较多。"));
		Piece guess = piece(
				submit(SUBMITTER, PieceFixtures.piece().title("关于西山水库涉密管线改线的建议").situation("西山水库拟对涉密管线改线，沿线村民议论较多。")));

		assertThat(offered(guess, REGISTRAR, "info-section")).contains(secret.id(), open.id());
		assertThat(offered(guess, VERIFIER, "verifier")).contains(open.id()).doesNotContain(secret.id());
		assertThat(offered(guess, OTHER_SUBMITTER, "submitter")).contains(secret.id(), open.id());
		assertThat(offered(guess, SUBMITTER, "submitter")).doesNotContain(secret.id(), open.id());
	}

	@Test
	void shouldDeleteStoredCandidatesAtStartupOnce() {
		String stored = "2026-0002 《关于某涉密情况的报告》 相似度 43%";
		ProcessInstance running = submit(SUBMITTER, PieceFixtures.piece().title("关于旧版本登记的待登记信息"));
		this.engine.runtime().setVariable(running.getId(), RETIRED, stored);
		Task registration = this.lifecycle.task(running.getId());
		this.engine.tasks().setVariableLocal(registration.getId(), RETIRED, stored);
		ProcessInstance ended = submit(SUBMITTER, PieceFixtures.piece().title("关于旧版本登记的已结束信息"));
		this.engine.runtime().setVariable(ended.getId(), RETIRED, stored);
		Map<String, Object> reject = PieceFixtures.accept(false);
		reject.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.REJECT);
		reject.put(PieceProcess.REGISTRATION_COMMENT, "与已登记信息重复");
		this.lifecycle.complete(REGISTRAR, ended.getId(), reject);
		assertThat(this.engine.runtime().createProcessInstanceQuery().processInstanceId(ended.getId()).count())
			.isZero();
		assertThat(historicCount(running)).isEqualTo(2);
		assertThat(historicCount(ended)).isOne();

		this.retiredVariables.run(null);

		assertThat(this.engine.runtime().createVariableInstanceQuery().variableName(RETIRED).count()).isZero();
		assertThat(this.engine.history()
			.createHistoricVariableInstanceQuery()
			.variableName(RETIRED)
			.includeDeleted()
			.count()).isZero();
		for (ProcessInstance instance : List.of(running, ended)) {
			assertThat(historicCount(instance)).isZero();
			assertThat(this.engine.history()
				.createHistoricDetailQuery()
				.processInstanceId(instance.getId())
				.variableUpdates()
				.list()).extracting((detail) -> ((HistoricVariableUpdate) detail).getVariableName())
				.doesNotContain(RETIRED)
				.contains(PieceProcess.PIECE_ID);
		}
		assertThat(this.engine.runtime().getVariable(running.getId(), PieceProcess.PIECE_ID)).isNotNull();
		assertThat(this.engine.tasks().getVariable(registration.getId(), PieceProcess.TITLE))
			.isEqualTo("关于旧版本登记的待登记信息");

		this.retiredVariables.run(null);
		assertThat(this.engine.runtime().getVariable(running.getId(), PieceProcess.PIECE_ID)).isNotNull();
	}

	/**
	 * Every route by which a reader could see the stored variables of a piece's process,
	 * with its answer.
	 */
	private Map<String, String> routes(String reader, String processInstanceId, String taskId, long pieceId) {
		Map<String, String> paths = new LinkedHashMap<>();
		paths.put("variable-instance by name", "/variable-instance?variableName=" + RETIRED + "&" + PAGE);
		paths.put("variable-instance of the process",
				"/variable-instance?processInstanceIdIn=" + processInstanceId + "&" + PAGE);
		paths.put("process-instance variables", "/process-instance/" + processInstanceId + "/variables");
		paths.put("history variable-instance by name",
				"/history/variable-instance?variableName=" + RETIRED + "&" + PAGE);
		paths.put("history variable-instance of the process",
				"/history/variable-instance?processInstanceId=" + processInstanceId + "&" + PAGE);
		paths.put("history detail", "/history/detail?processInstanceId=" + processInstanceId + "&" + PAGE);
		paths.put("task form-variables", "/task/" + taskId + "/form-variables");
		paths.put("task variables", "/task/" + taskId + "/variables");
		Map<String, String> answers = new LinkedHashMap<>();
		paths.forEach((route, path) -> answers.put("engine-rest " + route, get(reader, "/engine-rest" + path)));
		WebappSession session = WebappSession.login(this.rest, reader);
		paths.forEach((route, path) -> answers.put("Tasklist " + route,
				this.rest
					.exchange(WebappSession.ENGINE_API + path, HttpMethod.GET, new HttpEntity<>(session.headers()),
							String.class)
					.getBody()));
		answers.put("piece API", get(reader, "/api/pieces/" + pieceId));
		if (!reader.equals(REGISTRAR)) {
			answers.put("similar pieces API", get(reader, "/api/pieces/" + pieceId + "/similar"));
		}
		answers.values().removeIf((body) -> body == null);
		return answers;
	}

	private String get(String userId, String path) {
		return this.rest.withBasicAuth(userId, "demo").getForEntity(path, String.class).getBody();
	}

	private List<Long> offered(Piece piece, String readerId, String group) {
		return this.duplicates.candidatesFor(piece, readerId, List.of(group))
			.stream()
			.map((candidate) -> candidate.piece().id())
			.toList();
	}

	private long historicCount(ProcessInstance instance) {
		return this.engine.history()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(RETIRED)
			.includeDeleted()
			.count();
	}

	private Piece registered(String submitter, PieceFixtures fixture) {
		ProcessInstance instance = submit(submitter, fixture);
		this.lifecycle.complete(REGISTRAR, instance.getId(), PieceFixtures.accept(false));
		return piece(instance);
	}

	private ProcessInstance submit(String submitter, PieceFixtures fixture) {
		return this.lifecycle.users()
			.as(submitter,
					() -> this.engine.runtime().startProcessInstanceByKey(PieceProcess.KEY, fixture.variables()));
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

}
