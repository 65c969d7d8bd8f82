package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/** The intake's parts that need no application: rate limits, file kinds, query codes, sealing, masking. */
class IntakeMechanicsTests {

    @Test
    void aBucketRefillsEvenlyAndClientsHaveTheirOwn() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(5, now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.acquire("a")).isEqualTo(12);
        assertThat(limiter.acquire("b")).isZero();
        now.addAndGet(TimeUnit.SECONDS.toNanos(11));
        assertThat(limiter.acquire("a")).isEqualTo(1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(12);
    }

    @Test
    void idleBucketsAreDroppedWhenManyClientsCame() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(60, now::get);
        for (int i = 0; i < 10_001; i++) {
            limiter.acquire("client-" + i);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        limiter.acquire("late");
        assertThat(limiter.clients()).isLessThan(10);
    }

    @Test
    void fileKindsAreToldByContent() {
        assertThat(AttachmentType.of(IntakeTestSupport.JPEG)).contains(AttachmentType.JPEG);
        assertThat(AttachmentType.of(IntakeTestSupport.PNG)).contains(AttachmentType.PNG);
        assertThat(AttachmentType.of(IntakeTestSupport.PDF)).contains(AttachmentType.PDF);
        assertThat(AttachmentType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentType.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(AttachmentType.of(new byte[0])).isEmpty();
        assertThat(AttachmentType.of("PK\u0003\u0004 word/document.xml".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void queryCodesAreRandomAndKeptOnlyAsSaltedHashes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(QueryCodes.newCode());
        }
        assertThat(codes).hasSize(1000).allMatch(c -> c.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"));
        String code = codes.iterator().next();
        QueryCodes queryCodes = new QueryCodes(new ContactCipher(settings("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "")));
        String hash = queryCodes.hash(code);
        assertThat(hash).startsWith("hmac$").doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(queryCodes.hash(code)).isNotEqualTo(hash);
        assertThat(queryCodes.matches(code, hash)).isTrue();
        assertThat(queryCodes.matches(" " + code.toLowerCase().replace("-", "") + " ", hash)).isTrue();
        assertThat(queryCodes.matches("2222-2222-2222", hash)).isFalse();
        assertThat(queryCodes.matches(null, hash)).isFalse();
        assertThat(queryCodes.matches("DECOY-DECOY-DECO", null)).isFalse();
        // keyed: the same code and salt under another contact key is another value, so a database copy alone is useless
        QueryCodes otherKey = new QueryCodes(new ContactCipher(settings("HxwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgEAAAA=", "")));
        assertThat(otherKey.matches(code, hash)).isFalse();
    }

    @Test
    void queryCodesStoredByTheEarlierSlowHashStillOpenTheStatus() {
        QueryCodes queryCodes = new QueryCodes(new ContactCipher(settings("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "")));
        // "ABCD-EFGH-JKLM" under PBKDF2-HMAC-SHA256, 10,000 iterations, salt 0x00..0x0f, as earlier versions stored it
        String earlier = "pbkdf2$10000$AAECAwQFBgcICQoLDA0ODw==$" + java.util.Base64.getEncoder().encodeToString(pbkdf2("ABCDEFGHJKLM"));
        assertThat(queryCodes.matches("abcd-efgh-jklm", earlier)).isTrue();
        assertThat(queryCodes.matches("ABCD-EFGH-JKLN", earlier)).isFalse();
    }

    private static byte[] pbkdf2(String code) {
        try {
            byte[] salt = new byte[16];
            for (int i = 0; i < salt.length; i++) {
                salt[i] = (byte) i;
            }
            return javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new javax.crypto.spec.PBEKeySpec(code.toCharArray(), salt, 10_000, 256)).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void contactIsSealedPerProblemAndMasked() {
        ContactCipher cipher = new ContactCipher(settings("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", ""));
        Contact contact = new Contact("张三", "13812345678", "zhangsan@example.com");
        String sealed = cipher.seal(contact, 7);

        assertThat(sealed).startsWith("v1:").doesNotContain("138").isNotEqualTo(cipher.seal(contact, 7));
        assertThat(cipher.open(sealed, 7)).isEqualTo(contact);
        assertThatThrownBy(() -> cipher.open(sealed, 8)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ContactCipher(settings("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh4=", "")).open(sealed, 7))
                .isInstanceOf(IllegalStateException.class);
        assertThat(contact.masked()).isEqualTo(new Contact("张*", "138****5678", "z***@example.com"));
        assertThat(contact.toString()).doesNotContain("张三").doesNotContain("138");
    }

    @Test
    void withoutAKeyOrAKeyFileStartUpFailsClearly() {
        assertThatThrownBy(() -> new ContactCipher(settings("", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("QINGFENG_CONTACT_KEY");
        assertThatThrownBy(() -> new ContactCipher(settings("c2hvcnQ=", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        // the postgres profile has no key file: a missing key fails start-up
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-postgres.yaml"));
        Properties postgres = yaml.getObject();
        assertThat(postgres.getProperty("qingfeng.intake.contact-key-file")).isEmpty();
    }

    @Test
    void theDemoKeepsTheKeyItGeneratedOnce(@TempDir Path data) throws Exception {
        Path file = data.resolve("contact.key");
        ContactCipher first = new ContactCipher(settings("", file.toString()));
        String sealed = first.seal(new Contact(null, "13800000000", null), 1);
        ContactCipher second = new ContactCipher(settings("", file.toString()));

        assertThat(second.open(sealed, 1).phone()).isEqualTo("13800000000");
        assertThat(Files.readString(file)).hasSize(44);
    }

    private static IntakeSettings settings(String key, String keyFile) {
        return new IntakeSettings("5 working days", 2000, 200, 500, 5, DataSize.ofMegabytes(10), DataSize.ofMegabytes(25), 5, 60,
                Arrays.asList(), key, keyFile);
    }
}
