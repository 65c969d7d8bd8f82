package org.qingfeng.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The query code a reporter gets once with the tracking number: 12 random characters (60 bits) from an alphabet
 * without look-alikes, shown as XXXX-XXXX-XXXX. Stored only as a salted HMAC-SHA256 under a key derived from the
 * contact key, and compared in constant time.
 *
 * <p>A keyed MAC rather than a slow hash: the code is random, not chosen by a person, and whoever holds the contact
 * key can already open the sealed copy kept for retries ({@link ContactCipher#sealQueryCode}). Without the key a copy
 * of the database gives nothing to guess against; with it a slow hash would protect nothing more. A slow hash cost
 * every report and every status query several milliseconds of CPU. Codes stored by the earlier PBKDF2 scheme
 * ({@code pbkdf2$…}) are still recognised.
 */
@Component
public class QueryCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FORMAT = "hmac";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    /** One MAC object per thread, initialised with the key for every use: finding one costs more than the hash. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private final SecretKeySpec key;
    /** Compared against when the tracking number is unknown, so that case does the same work as a wrong code. */
    private final String decoy;

    public QueryCodes(ContactCipher cipher) {
        this.key = new SecretKeySpec(cipher.derivedKey("query-code"), "HmacSHA256");
        this.decoy = hash("DECOY-DECOY-DECO");
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

    String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return FORMAT + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(mac(normalise(code), salt));
    }

    /** Whether {@code code} matches {@code stored}; a null {@code stored} (unknown report) is checked against a decoy. */
    boolean matches(String code, String stored) {
        boolean known = stored != null;
        String[] parts = (known ? stored : decoy).split("\\$");
        String typed = normalise(code == null ? "" : code);
        byte[] actual;
        byte[] expected;
        if (parts[0].equals("pbkdf2")) {
            expected = Base64.getDecoder().decode(parts[3]);
            actual = pbkdf2(typed, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        } else {
            expected = Base64.getDecoder().decode(parts[2]);
            actual = mac(typed, Base64.getDecoder().decode(parts[1]));
        }
        return MessageDigest.isEqual(expected, actual) && known;
    }

    /** Upper case, without separators or spaces: what a person types back in is compared as printed. */
    private static String normalise(String code) {
        return SEPARATORS.matcher(code).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private byte[] mac(String code, byte[] salt) {
        try {
            Mac mac = HMAC.get();
            mac.init(key);
            mac.update(salt);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pbkdf2(String code, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
