package org.qingfeng.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Qingfeng's own API accepts HTTP Basic credentials, and, for reading, the session of someone logged in to the
 * webapps — so a link in a Tasklist form (the monthly bulletin, a printable letter) opens without a second login.
 * Changes always need Basic credentials: a session cookie alone must not be enough to write (CSRF).
 */
public class SessionOrBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        HttpSession session = request.getSession(false);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && session != null && request.getHeader("Authorization") == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication authentication = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(engine.getName());
            if (authentication != null && authentication.getIdentityId() != null) {
                return AuthenticationResult.successful(authentication.getIdentityId());
            }
        }
        return super.extractAuthenticatedUser(request, engine);
    }
}
