package ru.spobridge.mappings.ktp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a recorded topic compares with the planned one, word by word: what does not count (case, spaces, ё/е, quotes,
 * punctuation) is normalised away; what the seed forbids — shortened words (seed 002 §3.9) — is recognised: a word cut
 * with a dot («Реш. задач»), an abbreviation of initial letters («ЭДС» for «электродвижущая сила»), or the topic cut
 * short (its first words only).
 */
final class TopicText {

    private TopicText() {
    }

    /** The topic as compared: lower case, ё as е, no quotes or punctuation, single spaces. */
    static String normalised(String topic) {
        return String.join(" ", words(topic).stream().map(Word::text).toList());
    }

    /** Is {@code recorded} a shortened form of {@code planned} (and not equal to it). */
    static boolean abbreviates(String recorded, String planned) {
        List<Word> tokens = words(recorded);
        List<Word> full = words(planned);
        if (tokens.isEmpty() || normalised(recorded).equals(normalised(planned))) {
            return false;
        }
        return new Alignment(tokens, full).from(0, 0);
    }

    /** A word of a topic and whether a dot followed it (a cut word, or the end of a sentence). */
    record Word(String text, boolean dotted) {
    }

    static List<Word> words(String topic) {
        List<Word> words = new ArrayList<>();
        if (topic == null) {
            return words;
        }
        String text = topic.toLowerCase(Locale.ROOT).replace('ё', 'е');
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            words.add(new Word(text.substring(start, i), i < text.length() && text.charAt(i) == '.'));
        }
        return words;
    }

    /** Recorded tokens against planned words, left to right; leftover planned words at the end mean the topic was cut short. */
    private static final class Alignment {
        private final List<Word> tokens;
        private final List<Word> full;
        private final Map<Long, Boolean> memo = new HashMap<>();

        Alignment(List<Word> tokens, List<Word> full) {
            this.tokens = tokens;
            this.full = full;
        }

        boolean from(int token, int word) {
            if (token == tokens.size()) {
                return true;
            }
            if (word == full.size()) {
                return false;
            }
            long key = (long) token << 32 | word;
            Boolean known = memo.get(key);
            if (known != null) {
                return known;
            }
            boolean found = step(token, word);
            memo.put(key, found);
            return found;
        }

        private boolean step(int token, int word) {
            Word recorded = tokens.get(token);
            String planned = full.get(word).text();
            if (recorded.text().equals(planned) && from(token + 1, word + 1)) {
                return true;
            }
            // «реш.» for «решение»: a cut word ends with a dot
            if (recorded.dotted() && planned.length() > recorded.text().length() && planned.startsWith(recorded.text())
                    && from(token + 1, word + 1)) {
                return true;
            }
            int end = initials(recorded.text(), word);
            return end > 0 && from(token + 1, end);
        }

        /**
         * Where the planned words end whose initials spell the token («эдс» → «электродвижущая сила»), skipping short
         * function words between them («обж» → «основы безопасности жизнедеятельности»); -1 when they do not.
         */
        private int initials(String token, int word) {
            if (token.length() < 2 || !token.chars().allMatch(Character::isLetter)) {
                return -1;
            }
            int at = word;
            for (int i = 0; i < token.length(); i++) {
                while (at < full.size() && full.get(at).text().charAt(0) != token.charAt(i) && full.get(at).text().length() <= 2 && i > 0) {
                    at++;
                }
                if (at >= full.size() || full.get(at).text().charAt(0) != token.charAt(i)) {
                    return -1;
                }
                at++;
            }
            return at;
        }
    }
}
