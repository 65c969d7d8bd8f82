package org.qingfeng;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database on the PostgreSQL server the tests are pointed at (default 127.0.0.1:5432, user postgres;
 * override with QINGFENG_TEST_PG_HOST, _PORT, _USER, _PASSWORD). One database per test JVM.
 */
public final class TestPostgres {

    private static String url;

    private TestPostgres() {
    }

    static synchronized String database() {
        if (url == null) {
            url = newDatabase();
        }
        return url;
    }

    /** A database of its own, dropped when the JVM ends; for tests that must not share the suite's database. */
    public static String newDatabase() {
        String name = "qingfeng_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name + " with (force)")));
        return server() + name;
    }

    public static String user() {
        return env("QINGFENG_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("QINGFENG_TEST_PG_PASSWORD", "");
    }

    private static String server() {
        return "jdbc:postgresql://" + env("QINGFENG_TEST_PG_HOST", "127.0.0.1") + ":" + env("QINGFENG_TEST_PG_PORT", "5432") + "/";
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server() + "postgres", user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is expected at " + server() + " but: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
