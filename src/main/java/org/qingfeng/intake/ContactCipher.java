package org.qingfeng.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals contact data with AES-GCM under the key of {@code qingfeng.intake.contact-key} (QINGFENG_CONTACT_KEY). The
 * problem id is authenticated with it, so a sealed contact copied to another row does not open. Without a configured
 * key the demo generates one once in {@code contact-key-file}; with no file either (the postgres profile) start-up
 * fails rather than keep contact data in the clear.
 */
@Component
public class ContactCipher {

    private static final Logger LOG = LoggerFactory.getLogger(ContactCipher.class);
    /** One cipher object per thread, initialised afresh (key and a new IV) for every use: finding one costs more. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    public ContactCipher(IntakeSettings settings) {
        this.key = new SecretKeySpec(keyBytes(settings.contactKey(), settings.contactKeyFile()), "AES");
    }

    static byte[] keyBytes(String configured, String keyFile) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "qingfeng.intake.contact-key (QINGFENG_CONTACT_KEY)");
        }
        if (keyFile == null || keyFile.isBlank()) {
            throw new IllegalStateException("""
                    No key for reporters' contact data: set QINGFENG_CONTACT_KEY (qingfeng.intake.contact-key) to 32 \
                    random bytes in Base64, e.g. the output of `openssl rand -base64 32`, and keep it: contact data \
                    sealed with it cannot be read without it.""");
        }
        Path file = Path.of(keyFile);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                restrict(file);
                LOG.warn("generated a key for reporters' contact data in {}; production sets QINGFENG_CONTACT_KEY", file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the contact key in " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the data folder's own permissions apply
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the contact key in " + source + " is not Base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("the contact key in " + source + " must be 16, 24 or 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    public String seal(Contact contact, long problemId) {
        try {
            return seal(json.writeValueAsBytes(contact), aad("contact", problemId));
        } catch (IOException e) {
            throw new IllegalStateException("cannot seal contact data", e);
        }
    }

    public Contact open(String sealed, long problemId) {
        try {
            return json.readValue(open(sealed, aad("contact", problemId)), Contact.class);
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("cannot open contact data of problem " + problemId + " (wrong key?)", e);
        }
    }

    /** Seals a report's query code, so that a retried request whose first answer was lost can be told it again. */
    String sealQueryCode(String code, long intakeId) {
        return seal(code.getBytes(StandardCharsets.UTF_8), aad("query-code", intakeId));
    }

    String openQueryCode(String sealed, long intakeId) {
        return new String(open(sealed, aad("query-code", intakeId)), StandardCharsets.UTF_8);
    }

    private String seal(byte[] plain, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    private byte[] open(String sealed, byte[] aad) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            throw new IllegalStateException("unknown format of sealed data");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sealed data (wrong key?)", e);
        }
    }

    /**
     * A key for another purpose, derived from the contact key (HMAC-SHA256 of the purpose's name), so that one secret
     * serves both and neither use can stand in for the other.
     */
    byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("qingfeng-derived-key:" + purpose).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a key", e);
        }
    }

    private static byte[] aad(String purpose, long id) {
        return ("qingfeng-" + purpose + ":" + id).getBytes(StandardCharsets.US_ASCII);
    }
}
