package org.qingfeng.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A browser's view of the webapps: cookies kept between calls, the CSRF token sent back as Camunda expects. */
final class WebappSession {

    private final TestRestTemplate rest;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    private WebappSession(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** Opens Tasklist's page, which hands out the session and the CSRF token. */
    static WebappSession open(TestRestTemplate rest) {
        WebappSession session = new WebappSession(rest);
        session.keep(rest.getForEntity("/camunda/app/tasklist/default/", String.class));
        return session;
    }

    /**
     * Logs in as Tasklist does. The login starts a new session without a CSRF token; like Tasklist, the session then
     * asks who is logged in, and that answer hands out the new session's token.
     */
    ResponseEntity<String> login(String user, String password) {
        HttpHeaders headers = headers(true);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
        keep(answer);
        if (answer.getStatusCode().is2xxSuccessful()) {
            keep(rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers(false)), String.class));
        }
        return answer;
    }

    HttpHeaders headers(boolean withCsrfToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        List<String> pairs = new ArrayList<>();
        cookies.forEach((name, value) -> pairs.add(name + "=" + value));
        headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
        if (withCsrfToken && csrfToken != null) {
            headers.add("X-XSRF-TOKEN", csrfToken);
        }
        return headers;
    }

    private void keep(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (set != null) {
            for (String cookie : set) {
                String pair = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                cookies.put(name, value);
                if ("XSRF-TOKEN".equals(name)) {
                    csrfToken = value;
                }
            }
        }
        String header = response.getHeaders().getFirst("X-XSRF-TOKEN");
        if (header != null && !"Required".equals(header)) {
            csrfToken = header;
        }
    }
}
