package org.leveling.common.audit;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.leveling.common.web.RequestMetadata;

import io.quarkus.logging.Log;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * Keeps the promise of one audit row per mutating call: a succeeded call whose service did not
 * audit itself still gets a row (without before/after), and a warning names the gap to fix.
 */
public class AuditCompleteness {

    private final RequestMetadata request;
    private final AuditTrail trail;

    public AuditCompleteness(RequestMetadata request, AuditTrail trail) {
        this.request = request;
        this.trail = trail;
    }

    @ServerResponseFilter
    public void ensureAudited(ContainerResponseContext response) {
        if (request.isMutating() && response.getStatus() < 400 && !request.audited()
                && BlockingOperationControl.isBlockingAllowed()) {
            Log.warnf("%s changed state without an audit record; recorded after the fact", request.action());
            trail.recordUnattributedSuccess(response.getStatus());
        }
    }
}
