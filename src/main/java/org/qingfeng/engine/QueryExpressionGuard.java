package org.qingfeng.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, any task query or filter that carries an expression ({@code ${…}} or {@code #{…}}) — in a
 * query parameter or anywhere in the JSON body, including the {@code orQueries} of a task query or of a filter's
 * stored query — except Camunda's query functions {@code ${currentUser()}}, {@code ${currentUserGroups()}},
 * {@code ${now()}} and {@code ${dateTime().plusDays(n)}}-like date arithmetic, on which the shared Tasklist filters
 * rest. The engine's switch enable-expressions-in-adhoc-queries=false does not look inside orQueries in 7.24 CE, and
 * stored queries must keep expressions for those filters; anything else there would run with access to every Spring
 * bean. Covers
 * /engine-rest and the webapps' engine API (/camunda/api/engine/engine/{name}/…). Form submissions are not
 * touched: text typed into a form is stored as text, never evaluated.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryExpressionGuard.class);
    private static final Pattern QUERY_PATH = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/(?:task(?:/count)?|filter(?:/.*)?)/?$");
    private static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean isQueryPath(String path) {
        return QUERY_PATH.matcher(path).matches();
    }

    /**
     * Camunda's own query functions on the logged-in user and the clock, which reach no bean: the shared Tasklist
     * filters ({@code identity/TasklistFilters}) are built from them, and Tasklist sends them back when a filter is
     * edited.
     */
    private static final Pattern QUERY_FUNCTION = Pattern.compile(
            "\\$\\{(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)|dateTime\\(\\)"
                    + "(?:\\.(?:plus|minus)(?:Minutes|Hours|Days|Weeks|Months|Years)\\(\\d{1,4}\\))*)}");

    /** Whether the text holds an expression other than the query functions allowed above. */
    static boolean hasExpression(String text) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return false;
        }
        String rest = QUERY_FUNCTION.matcher(text).replaceAll("");
        return rest.contains("${") || rest.contains("#{");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isQueryPath(path)) {
            chain.doFilter(request, response);
            return;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasExpression(parameter.getKey())) {
                refuse(response, path);
                return;
            }
            for (String value : parameter.getValue()) {
                if (hasExpression(value)) {
                    refuse(response, path);
                    return;
                }
            }
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            response.sendError(413);
            return;
        }
        if (bodyHasExpression(body)) {
            refuse(response, path);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    static boolean bodyHasExpression(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        if (hasExpression(raw)) {
            return true;
        }
        try {
            return anyText(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean anyText(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return hasExpression(node.textValue());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (hasExpression(field.getKey()) || anyText(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (anyText(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, String path) throws IOException {
        LOG.warn("refused an expression in a task query or filter path={}", path);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":"
                + "\"查询条件中不允许使用表达式（${…} 或 #{…}）\",\"code\":null}");
    }

    /** The request with its body read once and replayed to the resource. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
