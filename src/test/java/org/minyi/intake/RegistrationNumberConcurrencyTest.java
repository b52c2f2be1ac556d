package org.minyi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Engine;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

@MinyiIntegrationTest
class RegistrationNumberConcurrencyTest {

	private static final int PIECES = 50;

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	Users users;

	@Test
	void shouldGiveFiftyParallelRegistrationsFiftyConsecutiveNumbers() throws Exception {
		List<ProcessInstance> instances = new ArrayList<>();
		for (int i = 0; i < PIECES; i++) {
			instances.add(this.users.as("wangfang", () -> this.engine.runtime()
				.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().variables())));
		}
		ExecutorService threads = Executors.newFixedThreadPool(PIECES);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> registrations = new ArrayList<>();
		for (ProcessInstance instance : instances) {
			String taskId = this.engine.tasks()
				.createTaskQuery()
				.processInstanceId(instance.getId())
				.singleResult()
				.getId();
			registrations.add(threads.submit(() -> {
				start.await();
				this.users.run("liqiang", () -> this.engine.tasks().complete(taskId, PieceFixtures.accept(false)));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> registration : registrations) {
			registration.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();

		List<Integer> sequence = instances.stream()
			.map((instance) -> this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow().registrationNumber())
			.map((number) -> Integer.parseInt(number.substring(number.indexOf('-') + 1)))
			.sorted()
			.toList();
		assertThat(sequence).doesNotHaveDuplicates().hasSize(PIECES);
		assertThat(sequence.get(PIECES - 1) - sequence.get(0)).as("no gaps").isEqualTo(PIECES - 1);
	}

}
