package org.qingfeng.intake;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The query code a reporter gets once with the tracking number: 12 random characters (60 bits) from an alphabet
 * without look-alikes, shown as XXXX-XXXX-XXXX. Stored only as a salted PBKDF2 hash and compared in constant time.
 */
final class QueryCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the tracking number is unknown, so that case takes as long as a wrong code. */
    private static final String DECOY = hash("DECOY-DECOY-DECO");

    private QueryCodes() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    static String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(normalise(code), salt, ITERATIONS));
    }

    /** Whether {@code code} matches {@code stored}; a null {@code stored} (unknown report) is checked against a decoy. */
    static boolean matches(String code, String stored) {
        boolean known = stored != null;
        String[] parts = (known ? stored : DECOY).split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(normalise(code == null ? "" : code), salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && known;
    }

    /** Upper case, without separators or spaces: what a person types back in is compared as printed. */
    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] derive(String code, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
