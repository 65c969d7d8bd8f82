package org.qingfeng.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status of a failed call to /engine-rest or to the webapps' engine API (/camunda/api/engine/engine/{name}/…, which
 * Tasklist and Cockpit call), where Camunda's own mapping says 500 for what is the caller's business:
 * <ul>
 * <li>409 when another request changed the same data at the same moment ({@link OptimisticLockingException}), and
 * when a task is completed that has just been completed by someone else (it is in the history, ended);</li>
 * <li>404 for an id that does not exist ({@link NotFoundException}, or "Cannot find …");</li>
 * <li>403 for missing rights ({@link AuthorizationException}), 400 for bad input — as Camunda already does.</li>
 * </ul>
 * Everything else keeps Camunda's status and body ({@code type}, {@code message}, {@code code}).
 * <p>
 * {@link EngineRestConfig} puts the two mappers in place of Camunda's in /engine-rest; {@link WebappEngineApiErrors}
 * adds them to the webapps' engine API, where their priority makes them win over Camunda's mappers of the same types.
 */
public final class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final Pattern TASK_ACTION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve)/?$");
    private static final Pattern ENGINE_NAME = Pattern.compile("(?:^|/)engine/([^/]+)/");
    private static final Pattern NOT_FOUND_MESSAGE = Pattern.compile("(?i)(cannot find|not found|does ?n[o']t exist|no .* found)");

    /** ENGINE-17007: a Java-serialized variable sent while java-serialization-format-enabled is false. */
    private static final String JAVA_SERIALIZATION_PROHIBITED = "Java serialization format is prohibited";

    /** Jersey prefers the lower number: below the default (USER) of Camunda's mappers, ours win beside them. */
    static final int PRIORITY = Priorities.USER - 100;

    private EngineRestErrors() {
    }

    static Response toResponse(Throwable exception, Supplier<ProcessEngine> engine, String path) {
        ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
        Response.Status status = helper.getStatus(exception);
        Throwable cause = engineCause(exception);
        ExceptionDto dto = helper.fromException(exception);
        if (cause instanceof OptimisticLockingException) {
            status = Response.Status.CONFLICT;
            dto.setType(OptimisticLockingException.class.getSimpleName());
            dto.setMessage("数据已被他人同时修改，请刷新后重试");
        } else if (cause instanceof AuthorizationException) {
            status = Response.Status.FORBIDDEN;
        } else if (status == Response.Status.INTERNAL_SERVER_ERROR && (cause instanceof BadUserRequestException
                || cause.getMessage() != null && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED))) {
            status = Response.Status.BAD_REQUEST;
        } else if (status == Response.Status.INTERNAL_SERVER_ERROR && isNotFound(cause)) {
            String taskId = completedTask(path);
            if (taskId != null && wasCompleted(engine, taskId)) {
                status = Response.Status.CONFLICT;
                dto.setType("TaskAlreadyCompletedException");
                dto.setMessage("任务已由他人办理完毕");
            } else {
                status = Response.Status.NOT_FOUND;
                dto.setType(NotFoundException.class.getSimpleName());
            }
        }
        if (status == Response.Status.INTERNAL_SERVER_ERROR) {
            LOG.error("engine REST call failed path={}", path, exception);
        }
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The optimistic-locking failure anywhere in the chain, else the first cause that is not a RestException. */
    private static Throwable engineCause(Throwable exception) {
        Throwable engineCause = null;
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException) {
                return t;
            }
            if (engineCause == null && !(t instanceof RestException)) {
                engineCause = t;
            }
        }
        return engineCause == null ? exception : engineCause;
    }

    private static boolean isNotFound(Throwable cause) {
        return cause instanceof NotFoundException
                || (cause instanceof NullValueException && cause.getMessage() != null
                        && NOT_FOUND_MESSAGE.matcher(cause.getMessage()).find());
    }

    private static String completedTask(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = TASK_ACTION.matcher(path);
        return m.find() ? m.group(1) : null;
    }

    /** The engine the webapps' engine API addresses: engine/{name}/… in its path, else the default engine. */
    private static ProcessEngine engineNamedIn(String path) {
        Matcher m = path == null ? null : ENGINE_NAME.matcher(path);
        return EngineUtil.lookupProcessEngine(m != null && m.find() ? m.group(1) : null);
    }

    private static boolean wasCompleted(Supplier<ProcessEngine> engine, String taskId) {
        try {
            return engine.get().getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
        } catch (RuntimeException e) {
            LOG.warn("could not look up task history taskId={}", taskId, e);
            return false;
        }
    }

    /** Replaces Camunda's RestExceptionHandler. */
    @Priority(PRIORITY)
    public static final class RestExceptions implements ExceptionMapper<RestException> {

        private final Function<String, ProcessEngine> engine;
        @Context
        UriInfo uri;

        /** For the webapps' engine API, whose Jersey servlet creates the mapper: the engine is the one in the path. */
        public RestExceptions() {
            this.engine = EngineRestErrors::engineNamedIn;
        }

        public RestExceptions(Supplier<ProcessEngine> engine) {
            this.engine = path -> engine.get();
        }

        @Override
        public Response toResponse(RestException exception) {
            String path = uri == null ? null : uri.getPath();
            return EngineRestErrors.toResponse(exception, () -> engine.apply(path), path);
        }
    }

    /** Replaces Camunda's ProcessEngineExceptionHandler. */
    @Priority(PRIORITY)
    public static final class EngineExceptions implements ExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {

        private final Function<String, ProcessEngine> engine;
        @Context
        UriInfo uri;

        /** For the webapps' engine API, whose Jersey servlet creates the mapper: the engine is the one in the path. */
        public EngineExceptions() {
            this.engine = EngineRestErrors::engineNamedIn;
        }

        public EngineExceptions(Supplier<ProcessEngine> engine) {
            this.engine = path -> engine.get();
        }

        @Override
        public Response toResponse(org.camunda.bpm.engine.ProcessEngineException exception) {
            String path = uri == null ? null : uri.getPath();
            return EngineRestErrors.toResponse(exception, () -> engine.apply(path), path);
        }
    }
}
