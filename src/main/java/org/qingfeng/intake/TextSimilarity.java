package org.qingfeng.intake;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * How alike two complaints read: the Dice coefficient of their character bigrams after normalisation. Chinese has
 * no spaces to split words on, and two people describing the same thing share most two-character words (窗口, 态度,
 * 排队) whatever order they put them in, so bigrams catch rewording without a dictionary.
 *
 * <p>A text's bigrams are kept as a {@linkplain #fingerprint fingerprint}: each bigram coded as one {@code long}
 * (two code points of 21 bits each), sorted and without repeats, so that comparing two texts is one merge of two
 * arrays and a fingerprint can be kept for a problem instead of being worked out again for every new report.
 */
public final class TextSimilarity {

    /** Function characters that carry no subject; dropping them keeps 态度很差 and 态度差 alike. */
    private static final String FUNCTION_CHARACTERS = "的了在是很也都就和与及对把被给向从让着过吗呢吧啊呀我你他她们这那有个";
    /** The second half of a one-character text's "bigram": above every code point, so it meets no real bigram. */
    private static final long ALONE = 0x1FFFFF;
    private static final long[] EMPTY = new long[0];

    private TextSimilarity() {
    }

    /** Full-width forms folded to half-width (NFKC), lower case, only letters and digits, no function characters. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
        StringBuilder kept = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) && FUNCTION_CHARACTERS.indexOf(c) < 0) {
                kept.appendCodePoint(c);
            }
        }
        return kept.toString();
    }

    /** The distinct character bigrams of the normalised text, coded and sorted; a single character is its own. */
    public static long[] fingerprint(String text) {
        int[] chars = normalise(text).codePoints().toArray();
        if (chars.length == 0) {
            return EMPTY;
        }
        if (chars.length == 1) {
            return new long[] {(long) chars[0] << 21 | ALONE};
        }
        long[] bigrams = new long[chars.length - 1];
        for (int i = 0; i + 1 < chars.length; i++) {
            bigrams[i] = (long) chars[i] << 21 | chars[i + 1];
        }
        Arrays.sort(bigrams);
        int distinct = 1;
        for (int i = 1; i < bigrams.length; i++) {
            if (bigrams[i] != bigrams[distinct - 1]) {
                bigrams[distinct++] = bigrams[i];
            }
        }
        return distinct == bigrams.length ? bigrams : Arrays.copyOf(bigrams, distinct);
    }

    /** 2|A∩B| / (|A|+|B|) of two fingerprints: 1 for the same wording, 0 when nothing is shared or a text is empty. */
    public static double dice(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * shared / (a.length + b.length);
    }

    public static double dice(String a, String b) {
        return dice(fingerprint(a), fingerprint(b));
    }
}
