package io.codeartscheck.server;

import io.codeartscheck.server.model.ErrorResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Endpoints beside the API that exercise the mappers (typed query values, JSON bodies, health). */
@Path("")
public class Extras {

    /** Needs no token when the test marks /health public. */
    @GET
    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return "{\"status\":\"UP\"}";
    }

    /** A typed query value, which JAX-RS cannot convert from "abc". */
    @GET
    @Path("/extras/number")
    @Produces(MediaType.TEXT_PLAIN)
    public String number(@QueryParam("n") int n) {
        return Integer.toString(n);
    }

    /** A JSON body. */
    @POST
    @Path("/extras/body")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String body(ErrorResponse body) {
        return body.getErrorCode();
    }
}
