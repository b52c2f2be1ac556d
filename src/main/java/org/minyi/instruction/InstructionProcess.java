package org.minyi.instruction;

/**
 * Names in {@code bpmn/instruction.bpmn}, and what the piece's process is told when an
 * instruction is recorded: the message that starts its follow-up, and the instruction's
 * id with it.
 */
public final class InstructionProcess {

	public static final String KEY = "minyi-instruction";

	/**
	 * Correlated to the piece's process when an instruction is recorded; starts its
	 * follow-up.
	 */
	public static final String MESSAGE_INSTRUCTION = "LeaderInstruction";

	/**
	 * The recorded instruction, a local variable of the message (and of the follow-up
	 * process).
	 */
	public static final String INSTRUCTION_ID = "instructionId";

	private InstructionProcess() {
	}

}
