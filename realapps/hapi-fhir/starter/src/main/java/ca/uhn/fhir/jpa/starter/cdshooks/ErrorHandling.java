package ca.uhn.fhir.jpa.starter.cdshooks;

import ca.uhn.fhir.jpa.starter.AppProperties;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

public class ErrorHandling {

	private ErrorHandling() {}

	public static void handleError(
			HttpServletResponse response, String message, Exception e, AppProperties myAppProperties)
			throws IOException {
		setAccessControlHeaders(response, myAppProperties);
		response.setStatus(500); // This will be overwritten with the correct status code downstream if needed.
		response.getWriter().println(message);
		printMessageAndCause(e, response);
		if (e instanceof BaseServerResponseException) {
			handleServerResponseException((BaseServerResponseException) e, response);
		} else if (e.getCause() instanceof BaseServerResponseException) {
			handleServerResponseException((BaseServerResponseException) e.getCause(), response);
		}
		printStackTrack(e, response);
	}

	private static void handleServerResponseException(BaseServerResponseException e, HttpServletResponse response)
			throws IOException {
		switch (e.getStatusCode()) {
			case 401:
			case 403:
				response.getWriter().println("Precondition Failed. Remote FHIR server returned: " + e.getStatusCode());
				response.getWriter()
						.println(
								"Ensure that the fhirAuthorization token is set or that the remote server allows unauthenticated access.");
				response.setStatus(412);
				break;
			case 404:
				response.getWriter().println("Precondition Failed. Remote FHIR server returned: " + e.getStatusCode());
				response.getWriter().println("Ensure the resource exists on the remote server.");
				response.setStatus(412);
				break;
			default:
				response.getWriter().println("Unhandled Error in Remote FHIR server: " + e.getStatusCode());
		}
	}

	private static void printMessageAndCause(Exception e, HttpServletResponse response) throws IOException {
		if (e.getMessage() != null) {
			response.getWriter().println(e.getMessage());
		}

		if (e.getCause() != null && e.getCause().getMessage() != null) {
			response.getWriter().println(e.getCause().getMessage());
		}
	}

	private static void printStackTrack(Exception e, HttpServletResponse response) throws IOException {
		StringWriter sw = new StringWriter();
		e.printStackTrace(new PrintWriter(sw));
		String exceptionAsString = sw.toString();
		response.getWriter().println(exceptionAsString);
	}

	public static void setAccessControlHeaders(HttpServletResponse resp, AppProperties myAppProperties) {
		if (myAppProperties.getCors() != null) {
			AppProperties.Cors cors = myAppProperties.getCors();
			if (cors.getAllow_Credentials()) {
				String allowOrigin =
						cors.getAllowed_origin().stream().findFirst().orElse("*");
				resp.setHeader("Access-Control-Allow-Origin", allowOrigin);
				resp.setHeader("Access-Control-Allow-Methods", String.join(", ", cors.getAllowed_methods()));
				resp.setHeader("Access-Control-Allow-Headers", String.join(", ", cors.getAllowed_headers()));
				resp.setHeader("Access-Control-Expose-Headers", String.join(", ", cors.getExposed_headers()));
				resp.setHeader("Access-Control-Max-Age", "86400");
			}
		}
	}

	public static class CdsHooksError extends RuntimeException {
		public CdsHooksError(String message) {
			super(message);
		}
	}
}
