package org.minyi.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives pieces through the lifecycle over HTTP only ({@code /api/**},
 * {@code /engine-rest/**}, basic auth), as the demo users would, against any of the
 * running nodes. Each step first looks at where the piece is and then acts once, so a
 * request whose answer was lost (node killed) is simply re-examined: nothing is done
 * twice and nothing is skipped.
 */
final class LifecycleClient {

	/**
	 * One piece to drive: its unique title, how it is signed off and whether its upward
	 * answer is typed in.
	 */
	record Plan(int index, String title, String urgency, String category, boolean answerByTask) {

		/**
		 * A third urgent (vice-chair only), a third draft-law comments (secretary-general
		 * only), a third both.
		 */
		static Plan of(String run, int index) {
			String urgency = (index % 3 == 0) ? "urgent" : "normal";
			String category = (index % 3 == 1) ? "laws-regulations" : "urban";
			return new Plan(index, "可靠性测试" + run + "第" + index + "号：关于社区养老服务设施建设的建议", urgency, category,
					index % 2 == 0);
		}

	}

	/** What the nodes answered, for the report. */
	static final class Counters {

		final AtomicInteger submitted = new AtomicInteger();

		final AtomicInteger completed = new AtomicInteger();

		final AtomicInteger completedByLostAnswer = new AtomicInteger();

		final AtomicInteger bulletins = new AtomicInteger();

		final AtomicInteger connectionErrors = new AtomicInteger();

		final AtomicInteger requests = new AtomicInteger();

	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final List<AppProcess> nodes;

	private final Counters counters = new Counters();

	/**
	 * @param nodes the nodes requests go to, one chosen at random per request; the caller
	 * removes a dead one
	 */
	LifecycleClient(List<AppProcess> nodes) {
		this.nodes = new CopyOnWriteArrayList<>(nodes);
	}

	Counters counters() {
		return this.counters;
	}

	/** Takes a node out of the rotation, as a load balancer's health check would. */
	void remove(AppProcess node) {
		this.nodes.remove(node);
	}

	record Answer(int status, JsonNode body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	Answer call(String method, String user, String path, Object body) throws IOException {
		List<AppProcess> live = this.nodes;
		AppProcess node = live.get(ThreadLocalRandom.current().nextInt(live.size()));
		String password = "admin".equals(user) ? AppProcess.ADMIN_PASSWORD : AppProcess.USER_PASSWORD;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		}
		this.counters.requests.incrementAndGet();
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			JsonNode json = (response.body().length == 0) ? JSON.nullNode() : parse(response.body());
			return new Answer(response.statusCode(), json);
		}
		catch (IOException ex) {
			this.counters.connectionErrors.incrementAndGet();
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
		}
	}

	/**
	 * Drives one piece until it waits for nothing but the engine's timers (its upward
	 * answer, the instruction window) and returns its id. Connection errors are retried
	 * until {@code deadlineNanos}.
	 */
	long drive(Plan plan, long deadlineNanos) {
		Long pieceId = null;
		boolean submitUncertain = false;
		// Its own issue of the bulletin is open: its tasks come first.
		boolean bulletinPhase = false;
		while (true) {
			if (System.nanoTime() > deadlineNanos) {
				throw new IllegalStateException("Piece " + plan.index() + " (" + pieceId + ") not driven in time");
			}
			try {
				if (pieceId == null) {
					if (submitUncertain) {
						pieceId = findMine(plan.title());
						if (pieceId != null) {
							this.counters.submitted.incrementAndGet();
							continue;
						}
					}
					submitUncertain = true;
					Answer submitted = call("POST", "wangfang", "/api/pieces", submission(plan));
					expect(submitted, 201, "submit " + plan.index());
					pieceId = submitted.body().get("id").asLong();
					this.counters.submitted.incrementAndGet();
					continue;
				}
				String bulletinKey = "rel-" + pieceId;
				JsonNode task = null;
				if (bulletinPhase) {
					task = firstTask(Map.of("processInstanceBusinessKey", bulletinKey));
					bulletinPhase = task != null;
				}
				if (task == null) {
					task = firstTask(Map.of("processVariables",
							List.of(Map.of("name", "title", "operator", "eq", "value", plan.title()))));
				}
				if (task != null) {
					Map<String, Object> variables = variables(plan, pieceId, task.get("taskDefinitionKey").asText());
					if (variables == null) {
						// The upward answer that the timer is to give; the issue may
						// still wait for distribution.
						return finishBulletin(pieceId);
					}
					String user = switch (task.get("taskDefinitionKey").asText()) {
						case "task_signoff_secretary_general" -> "chenjun";
						case "task_signoff_vice_chair" -> "sunli";
						default -> "liqiang";
					};
					Answer done = call("POST", user, "/engine-rest/task/" + task.get("id").asText() + "/complete",
							Map.of("variables", typed(variables)));
					if (done.status() == 204) {
						this.counters.completed.incrementAndGet();
					}
					else if (!taskExists(task.get("id").asText())) {
						// Completed by an earlier attempt whose answer was lost, or just
						// now on another node.
						this.counters.completedByLostAnswer.incrementAndGet();
					}
					else if (done.status() != 500) {
						throw new AssertionError("Completing " + task + " answered " + done);
					}
					continue;
				}
				JsonNode piece = get("wangfang", "/api/pieces/" + pieceId);
				String status = piece.get("status").asText();
				if ("SIGNED_OFF".equals(status)) {
					JsonNode started = get("admin", "/engine-rest/history/process-instance/count?processDefinitionKey="
							+ "minyi-bulletin&processInstanceBusinessKey=" + bulletinKey);
					if (started.get("count").asLong() == 0) {
						Answer bulletin = call("POST", "liqiang",
								"/engine-rest/process-definition/key/minyi-bulletin/start", Map.of("businessKey",
										bulletinKey, "variables", typed(Map.of("publicationCode", "bulletin"))));
						expect(bulletin, 200, "start bulletin for " + pieceId);
						this.counters.bulletins.incrementAndGet();
					}
					bulletinPhase = true;
					continue;
				}
				if ("DISPATCHED".equals(status) || "ARCHIVED".equals(status)) {
					return finishBulletin(pieceId);
				}
				AppProcess.sleep(200); // a job or another node is about to move it on
			}
			catch (IOException ex) {
				// Lost answer: look again at where the piece is before doing anything.
				AppProcess.sleep(500);
			}
		}
	}

	/**
	 * Distributes the piece's issue if that was left open (its answer lost in a kill);
	 * returns the piece id.
	 */
	private long finishBulletin(long pieceId) throws IOException {
		JsonNode task;
		while ((task = firstTask(Map.of("processInstanceBusinessKey", "rel-" + pieceId))) != null) {
			Answer done = call("POST", "liqiang", "/engine-rest/task/" + task.get("id").asText() + "/complete",
					Map.of("variables", Map.of()));
			if (done.status() == 204) {
				this.counters.completed.incrementAndGet();
			}
		}
		return pieceId;
	}

	private Map<String, Object> variables(Plan plan, long pieceId, String taskKey) throws IOException {
		Map<String, Object> variables = new LinkedHashMap<>();
		switch (taskKey) {
			case "task_register" -> {
				variables.put("registrationDecision", "accept");
				variables.put("needsVerification", false);
				variables.put("categoryCode", plan.category());
				variables.put("sourceTypeCode", "member");
			}
			case "task_edit" -> {
				variables.put("editAction", "edit");
				variables.put("editedTitle", plan.title());
				variables.put("editedSituation", "社区养老服务设施不足，老年人就近养老需求难以满足。");
				variables.put("editedAnalysis", "用地指标紧张，运营补贴标准偏低。");
				variables.put("editedSuggestions", "建议统筹配建社区养老服务用房，提高运营补贴。");
			}
			case "task_signoff_secretary_general", "task_signoff_vice_chair" ->
				variables.put("signoffDecision", "approve");
			case "task_assemble_issue" -> variables.put("pieceNumbers",
					get("wangfang", "/api/pieces/" + pieceId).get("registrationNumber").asText());
			case "task_distribute_issue" -> {
			}
			case "task_dispatch" -> {
				variables.put("directReport", true);
				variables.put("upwardCity", true);
			}
			case "task_record_answer" -> {
				if (!plan.answerByTask()) {
					return null;
				}
				variables.put("adoptionForm", "single");
				variables.put("adoptedOn", LocalDate.now().minusDays(1).toString());
				variables.put("adoptionReference", "市政协社情民意第" + plan.index() + "期");
			}
			default -> throw new AssertionError("Unexpected task " + taskKey + " for piece " + pieceId);
		}
		return variables;
	}

	private static Map<String, Object> submission(Plan plan) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", plan.title());
		body.put("categoryCode", plan.category());
		body.put("situation", "我区60岁以上老年人口已超过25%，社区养老服务设施覆盖率不足40%。");
		body.put("analysis", "新建小区配建养老用房落实不到位，老旧小区缺少改造空间。");
		body.put("suggestions", "建议将社区养老服务设施纳入城市更新规划，按标准配建并统一运营。");
		body.put("sourceTypeCode", "member");
		body.put("sourceUnit", "民进区委会");
		body.put("urgency", plan.urgency());
		body.put("confidentiality", "public");
		return body;
	}

	private static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return typed;
	}

	private JsonNode firstTask(Map<String, Object> query) throws IOException {
		Answer tasks = call("POST", "admin", "/engine-rest/task?firstResult=0&maxResults=1", query);
		expect(tasks, 200, "task query " + query);
		return tasks.body().isEmpty() ? null : tasks.body().get(0);
	}

	private boolean taskExists(String taskId) throws IOException {
		Answer task = call("GET", "admin", "/engine-rest/task/" + taskId, null);
		if (task.status() != 200 && task.status() != 404) {
			throw new AssertionError("Reading task " + taskId + " answered " + task);
		}
		return task.status() == 200;
	}

	private Long findMine(String title) throws IOException {
		for (JsonNode piece : get("wangfang", "/api/pieces/mine")) {
			if (title.equals(piece.get("title").asText())) {
				return piece.get("id").asLong();
			}
		}
		return null;
	}

	JsonNode get(String user, String path) throws IOException {
		Answer answer = call("GET", user, path, null);
		expect(answer, 200, "GET " + path);
		return answer.body();
	}

	private static void expect(Answer answer, int status, String what) throws IOException {
		if (answer.status() == 503 || answer.status() == 502) {
			throw new IOException(what + ": node unavailable (" + answer.status() + ")");
		}
		if (answer.status() != status) {
			throw new AssertionError(what + " answered " + answer.status() + ": " + answer.body());
		}
	}

}
