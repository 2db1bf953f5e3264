package io.github.colorize.video.internal;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * The YUV matrix and range of a video stream, resolved once so that decoding and encoding agree:
 * frames are read with the source's matrix and written, and tagged, with the same one. When the
 * source does not say, the matrix is guessed as players do (BT.709 from 720 lines up, BT.601 below)
 * and the output is tagged explicitly, so the colours do not depend on the player's guess.
 *
 * @param matrix an {@code AVCOL_SPC_*} value
 * @param primaries an {@code AVCOL_PRI_*} value
 * @param transfer an {@code AVCOL_TRC_*} value
 * @param fullRange whether luma spans 0..255 (JPEG range) rather than 16..235
 */
public record StreamColorSpace(int matrix, int primaries, int transfer, boolean fullRange) {

    /**
     * Resolves the colour space of a source stream.
     *
     * @param matrix the stream's {@code AVCOL_SPC_*}, possibly unspecified
     * @param primaries the stream's {@code AVCOL_PRI_*}, possibly unspecified
     * @param transfer the stream's {@code AVCOL_TRC_*}, possibly unspecified
     * @param range the stream's {@code AVCOL_RANGE_*}
     * @param height the frame height, for the guess
     * @return the resolved colour space
     */
    public static StreamColorSpace resolve(int matrix, int primaries, int transfer, int range, int height) {
        boolean hd = height >= 720;
        int m = usable(matrix) ? matrix : hd ? avutil.AVCOL_SPC_BT709 : avutil.AVCOL_SPC_SMPTE170M;
        int p = primaries != avutil.AVCOL_PRI_UNSPECIFIED && primaries != avutil.AVCOL_PRI_RESERVED0
                ? primaries
                : hd ? avutil.AVCOL_PRI_BT709 : avutil.AVCOL_PRI_SMPTE170M;
        int t = transfer != avutil.AVCOL_TRC_UNSPECIFIED && transfer != avutil.AVCOL_TRC_RESERVED0
                ? transfer
                : hd ? avutil.AVCOL_TRC_BT709 : avutil.AVCOL_TRC_SMPTE170M;
        return new StreamColorSpace(m, p, t, range == avutil.AVCOL_RANGE_JPEG);
    }

    private static boolean usable(int matrix) {
        // RGB (0) and unspecified/reserved have no YUV matrix to honour.
        return matrix != avutil.AVCOL_SPC_RGB
                && matrix != avutil.AVCOL_SPC_UNSPECIFIED
                && matrix != avutil.AVCOL_SPC_RESERVED;
    }
}
