package org.minyi.piece;

/** The three parts of a piece (情况、问题、建议) and its title. */
public record PieceText(String title, String situation, String analysis, String suggestions) {

	public static final int TITLE_MAX = 100;

	public static final int PART_MAX = 1500;

}
