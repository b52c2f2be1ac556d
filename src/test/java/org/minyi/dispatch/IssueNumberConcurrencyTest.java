package org.minyi.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;

@MinyiIntegrationTest
class IssueNumberConcurrencyTest {

	private static final int ISSUES = 12;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	PieceRepository pieces;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void shouldNumberIssuesPublishedInParallelWithoutGapsOrDuplicates() throws Exception {
		List<String> numbers = new ArrayList<>();
		List<ProcessInstance> bulletins = new ArrayList<>();
		for (int i = 0; i < ISSUES; i++) {
			ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().title("并发刊发测试信息" + i));
			numbers.add(this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().registrationNumber());
			bulletins.add(this.lifecycle.users()
				.as("liqiang", () -> this.runtimeService.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY,
						Map.of(DispatchProcess.PUBLICATION, "special-report"))));
		}
		ExecutorService threads = Executors.newFixedThreadPool(ISSUES);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> publications = new ArrayList<>();
		for (int i = 0; i < ISSUES; i++) {
			String bulletin = bulletins.get(i).getId();
			String number = numbers.get(i);
			publications.add(threads.submit(() -> {
				start.await();
				this.lifecycle.complete("liqiang", bulletin, Map.of(DispatchProcess.PIECE_NUMBERS, number));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> publication : publications) {
			publication.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();

		List<Integer> issueNumbers = bulletins.stream()
			.map((bulletin) -> (String) this.runtimeService.getVariable(bulletin.getId(), DispatchProcess.ISSUE_LABEL))
			.map((label) -> Integer.parseInt(label.substring(label.indexOf('第') + 1, label.indexOf('期'))))
			.sorted()
			.toList();
		assertThat(issueNumbers).doesNotHaveDuplicates().hasSize(ISSUES);
		assertThat(issueNumbers.get(ISSUES - 1) - issueNumbers.get(0)).as("no gaps").isEqualTo(ISSUES - 1);
	}

}
