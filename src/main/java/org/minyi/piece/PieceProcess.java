package org.minyi.piece;

/** Names in the main process model {@code bpmn/piece.bpmn}: the process key, element ids and variables. */
public final class PieceProcess {

	/** The key of the main process: the lifecycle of one piece. */
	public static final String KEY = "minyi-piece";

	private PieceProcess() {
	}

}
