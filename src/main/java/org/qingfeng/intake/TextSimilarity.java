package org.qingfeng.intake;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * How alike two complaints read: the Dice coefficient of their character bigrams after normalisation. Chinese has
 * no spaces to split words on, and two people describing the same thing share most two-character words (窗口, 态度,
 * 排队) whatever order they put them in, so bigrams catch rewording without a dictionary.
 */
public final class TextSimilarity {

    /** Function characters that carry no subject; dropping them keeps 态度很差 and 态度差 alike. */
    private static final String FUNCTION_CHARACTERS = "的了在是很也都就和与及对把被给向从让着过吗呢吧啊呀我你他她们这那有个";

    private TextSimilarity() {
    }

    /** Full-width forms folded to half-width (NFKC), lower case, only letters and digits, no function characters. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(Character::isLetterOrDigit)
                .filter(c -> FUNCTION_CHARACTERS.indexOf(c) < 0)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The distinct character bigrams of the normalised text; a single character is its own "bigram". */
    public static Set<String> bigrams(String text) {
        String normal = normalise(text);
        int[] chars = normal.codePoints().toArray();
        Set<String> bigrams = new HashSet<>();
        if (chars.length == 1) {
            bigrams.add(new String(chars, 0, 1));
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            bigrams.add(new String(chars, i, 2));
        }
        return bigrams;
    }

    /** 2|A∩B| / (|A|+|B|) of the bigram sets: 1 for the same wording, 0 when nothing is shared or a text is empty. */
    public static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long shared = smaller.stream().filter(larger::contains).count();
        return 2.0 * shared / (a.size() + b.size());
    }

    public static double dice(String a, String b) {
        return dice(bigrams(a), bigrams(b));
    }
}
