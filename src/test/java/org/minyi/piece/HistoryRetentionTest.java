package org.minyi.piece;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minyi.support.Engine;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history of a piece is kept for its definition's time to live after the
 * piece ended, and history cleanup removes it then, by the end time (no removal time is
 * written); the application's record of the piece stays.
 */
@MinyiIntegrationTest
class HistoryRetentionTest {

	private static final long TIME_TO_LIVE_DAYS = 3650;

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	Lifecycle lifecycle;

	@AfterEach
	void resetClockAndCleanupJobs() {
		ClockUtil.reset();
		this.engine.history()
			.findHistoryCleanupJobs()
			.forEach((job) -> this.engine.management().deleteJob(job.getId()));
	}

	@Test
	void shouldRemoveAPiecesEngineHistoryOnlyAfterItsTimeToLiveAndKeepThePiece() {
		ProcessInstance instance = this.lifecycle.submit(PieceFixtures.piece().title("历史保留：不予采用"));
		Map<String, Object> refusal = PieceFixtures.accept(false);
		refusal.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.REJECT);
		refusal.put(PieceProcess.REGISTRATION_COMMENT, "属个人诉求，建议通过信访渠道反映");
		this.lifecycle.complete("liqiang", instance.getId(), refusal);
		HistoricProcessInstance ended = historicInstance(instance);
		assertThat(ended.getEndTime()).isNotNull();
		assertThat(ended.getRemovalTime()).as("no removal time is written").isNull();

		ClockUtil.setCurrentTime(daysAfter(ended.getEndTime(), TIME_TO_LIVE_DAYS - 1));
		cleanUpHistory();
		assertThat(historicInstance(instance)).as("kept until its time to live has passed").isNotNull();

		ClockUtil.setCurrentTime(daysAfter(ended.getEndTime(), TIME_TO_LIVE_DAYS + 1));
		cleanUpHistory();
		assertThat(historicInstance(instance)).as("removed after its time to live").isNull();
		assertThat(
				this.engine.history().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count())
			.isZero();
		assertThat(this.pieces.findByProcessInstanceId(instance.getId()))
			.hasValueSatisfying((piece) -> assertThat(piece.status()).isEqualTo(PieceStatus.NOT_ADOPTED));
	}

	private HistoricProcessInstance historicInstance(ProcessInstance instance) {
		return this.engine.history()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult();
	}

	/**
	 * The engine's history cleanup job, as its batch window would start it, run until it
	 * has removed all that is due: it removes a batch of instances at a time, is due
	 * again at once while more are, and suspends itself when none are (no batch window is
	 * configured).
	 */
	private void cleanUpHistory() {
		this.engine.history().cleanUpHistoryAsync(true);
		for (int batch = 0; batch < 1000; batch++) {
			List<Job> due = this.engine.history()
				.findHistoryCleanupJobs()
				.stream()
				.filter((job) -> !job.isSuspended() && !job.getDuedate().after(ClockUtil.getCurrentTime()))
				.toList();
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> this.engine.management().executeJob(job.getId()));
		}
		throw new AssertionError("History cleanup still due after 1,000 batches");
	}

	private static Date daysAfter(Date date, long days) {
		return new Date(date.getTime() + TimeUnit.DAYS.toMillis(days));
	}

}
